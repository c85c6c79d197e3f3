import { enhanceAlternatives, openTargetedAlternatives } from './alternatives-tabs.ts';
import { startProgress } from './run/progress-page.ts';

// Runbook and rollback pages: option tabs, then progress on whatever steps the page holds.
enhanceAlternatives();
const root = document.querySelector<HTMLElement>('[data-runbook]');
if (root) {
	startProgress(root);
	// Arrival code is loaded only when a link names a step or section.
	const arrive = () => {
		if (location.hash.length > 1) void import('./arrival.ts').then((m) => m.arrive(root, openTargetedAlternatives));
		else openTargetedAlternatives();
	};
	addEventListener('hashchange', arrive);
	arrive();
	// The site may not be rebuilt for months: the review notice also appears once its day comes.
	const review = root.querySelector<HTMLElement>('[data-review-due]');
	if (review?.hidden && review.dataset.reviewDue! <= new Date().toISOString().slice(0, 10)) review.hidden = false;
}
