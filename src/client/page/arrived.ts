/**
 * The arrival highlight: the step or section the reader was just taken to (a link, Next, j / k, a
 * search hit) is outlined until they click, tap or type, so the eye finds where focus went.
 */
export function markArrived(holder: HTMLElement): void {
	for (const old of document.querySelectorAll('.rs-arrived')) old.classList.remove('rs-arrived');
	holder.classList.add('rs-arrived');
	const done = () => holder.classList.remove('rs-arrived');
	// Not by the click or key that brought the reader here.
	setTimeout(() => {
		for (const type of ['pointerdown', 'keydown']) addEventListener(type, done, { once: true, capture: true });
	});
}
