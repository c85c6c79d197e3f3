/**
 * On a phone, Starlight's header slides away while the reader scrolls down a runbook and comes
 * back as soon as they scroll up: the header, the "On this page" bar and the run bar together
 * took a quarter of a 390 × 844 screen. CSS does the moving (styles/runsheet/frame.css,
 * `data-rs-reading`); this only says which way the reader is going.
 */
const NARROW = '(max-width: 50rem)';
/** Near the top the header stays: the page has just opened. */
const TOP = 120;
/** Scrolling less than this either way is a jitter, not a direction. */
const JITTER = 6;

/** Starlight's sidebar, a popover on a phone: the header stays while it is open. */
const menuOpen = () => document.querySelector('#starlight__sidebar')?.matches(':popover-open') ?? false;

export function hideHeaderWhileReading(): void {
	const narrow = matchMedia(NARROW);
	const html = document.documentElement;
	let last = scrollY;
	let queued = false;
	const update = () => {
		queued = false;
		const y = scrollY;
		if (Math.abs(y - last) < JITTER && y > TOP) return;
		const reading = narrow.matches && y > TOP && y > last && !menuOpen();
		last = y;
		html.toggleAttribute('data-rs-reading', reading);
	};
	addEventListener(
		'scroll',
		() => {
			if (queued) return;
			queued = true;
			requestAnimationFrame(update);
		},
		{ passive: true },
	);
	narrow.addEventListener('change', update);
}
