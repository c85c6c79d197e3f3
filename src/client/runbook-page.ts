import { startProgress } from './run/progress-page.ts';

// Runbook and rollback pages: progress on whatever steps the page holds. Code a page may never
// use comes when it is needed: the option tabs only to pages with options, the arrival code with
// a link to a step or section, and the scrolling aids (the phone's header sliding away, the
// monitoring clock) at the reader's first gesture, not with the page nor with a step link's scroll.
const tabs = document.querySelector('.rs-alternatives')
	? import('./alternatives-tabs.ts').then((m) => {
			m.enhanceAlternatives();
			return m;
		})
	: undefined;
const openTargetedAlternatives = async () => (await tabs)?.openTargetedAlternatives();
const root = document.querySelector<HTMLElement>('[data-runbook]');
// The run's session: the monitoring clock, which comes with the scrolling aids, follows it too.
const session = root ? startProgress(root) : undefined;

const scrolling = () => {
	for (const type of GESTURES) removeEventListener(type, scrolling);
	// The header slides away only where there is a run bar: together they filled a phone's screen.
	void import('./page/while-scrolling.ts').then((m) => m.startScrolling(root && !('nothingToTick' in root.dataset) ? session : undefined));
};
const GESTURES = ['wheel', 'touchstart', 'keydown', 'pointerdown'];
for (const type of GESTURES) addEventListener(type, scrolling, { passive: true });

if (root) {
	const arrive = () => {
		if (location.hash.length > 1) void import('./page/arrival.ts').then((m) => m.arrive(root, openTargetedAlternatives));
		else void openTargetedAlternatives();
	};
	addEventListener('hashchange', arrive);
	arrive();
	// The site may not be rebuilt for months: the review notice also appears once its day comes.
	const review = root.querySelector<HTMLElement>('[data-review-due]');
	if (review?.hidden && review.dataset.reviewDue! <= new Date().toISOString().slice(0, 10)) review.hidden = false;
}
