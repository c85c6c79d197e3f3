/**
 * The arrival highlight: the step or section the reader was just taken to (a link, Next, j / k, a
 * search hit) is outlined until they click, tap or type, so the eye finds where focus went.
 * Answering a question the page asked meanwhile (client/run/ask.ts: a link's run to start) is not
 * leaving it.
 */
const ACTS = ['pointerdown', 'keydown'];

export function markArrived(holder: HTMLElement): void {
	for (const old of document.querySelectorAll('.rs-arrived')) old.classList.remove('rs-arrived');
	holder.classList.add('rs-arrived');
	const done = (event: Event) => {
		if ((event.target as Element).closest?.('[data-ask]')) return;
		holder.classList.remove('rs-arrived');
		for (const type of ACTS) removeEventListener(type, done, true);
	};
	// Not by the click or key that brought the reader here.
	setTimeout(() => {
		for (const type of ACTS) addEventListener(type, done, true);
	});
}
