import { enhanceAlternatives, openTargetedAlternatives } from './alternatives-tabs.ts';
import { hideHeaderWhileReading } from './page/reading-chrome.ts';
import { followReadingLine } from './page/toc-current.ts';
import { startProgress } from './run/progress-page.ts';

// Runbook and rollback pages: option tabs, then progress on whatever steps the page holds.
enhanceAlternatives();
void followReadingLine();
const root = document.querySelector<HTMLElement>('[data-runbook]');
if (root) {
	startProgress(root);
	// Only where there is a run bar: the header, the "On this page" bar and it fill a phone's screen.
	if (!('nothingToTick' in root.dataset)) hideHeaderWhileReading();
	// Arrival code is loaded only when a link names a step or section.
	const arrive = () => {
		if (location.hash.length > 1) void import('./page/arrival.ts').then((m) => m.arrive(root, openTargetedAlternatives));
		else openTargetedAlternatives();
	};
	addEventListener('hashchange', arrive);
	arrive();
	// The site may not be rebuilt for months: the review notice also appears once its day comes.
	const review = root.querySelector<HTMLElement>('[data-review-due]');
	if (review?.hidden && review.dataset.reviewDue! <= new Date().toISOString().slice(0, 10)) review.hidden = false;
}
