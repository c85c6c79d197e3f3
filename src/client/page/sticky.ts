/**
 * Where the bars that stay on screen end: Starlight's header, its "On this page" bar on narrower
 * screens, and the run bar once stuck. What is scrolled to goes just below; what is read is read
 * below it.
 */
export function stickyBottom(): number {
	let bottom = 0;
	for (const el of document.querySelectorAll<HTMLElement>('header.header, runsheet-mobile-toc nav, [data-runbar]')) {
		const { position, top } = getComputedStyle(el);
		if (el.offsetParent === null && position !== 'fixed') continue;
		if (position === 'fixed') bottom = Math.max(bottom, el.getBoundingClientRect().bottom);
		if (position === 'sticky') bottom = Math.max(bottom, (parseFloat(top) || 0) + el.offsetHeight);
	}
	return bottom;
}
