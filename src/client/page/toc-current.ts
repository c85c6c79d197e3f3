import { stickyBottom } from './arrival.ts';

/**
 * Which entry of "On this page" is current: the section whose heading is the last one above the
 * reading line (just below the bars that stay on screen). Starlight's own observer guesses from
 * what crosses a band of the screen and, on runbook pages (sections in sections, headings in
 * wrappers, long step lists), chose the wrong entry at most scroll positions.
 *
 * Starlight's elements (`starlight-toc`, and `mobile-starlight-toc`, which also writes the entry
 * into the phone's bar) take the current link through their `current` setter (Starlight 0.42,
 * components-internals/TableOfContents/starlight-toc.ts). Each element gets its own `current`
 * that ignores Starlight's observer; the reading line calls Starlight's setter. Should a later
 * Starlight have no such setter, its own highlighting is left as it is (tests/e2e/phone.spec.ts
 * checks the entry at 30 scroll positions).
 */
type TocElement = HTMLElement & { current?: HTMLAnchorElement };

/** How far below the bars the reading line is: about two lines of text. */
export const READING_LINE_GAP = 48;

function starlightSetter(el: TocElement): ((link: HTMLAnchorElement) => void) | undefined {
	for (let proto = Object.getPrototypeOf(el); proto && proto !== HTMLElement.prototype; proto = Object.getPrototypeOf(proto)) {
		const set = Object.getOwnPropertyDescriptor(proto, 'current')?.set;
		if (set) return (link) => set.call(el, link);
	}
	return undefined;
}

export async function followReadingLine(): Promise<void> {
	const names = ['starlight-toc', 'mobile-starlight-toc'].filter((name) => document.querySelector(name));
	if (!names.length) return;
	await Promise.all(names.map((name) => customElements.whenDefined(name)));
	const tocs = names.flatMap((name) => [...document.querySelectorAll<TocElement>(name)]);
	const setters = tocs.flatMap((toc) => {
		const set = starlightSetter(toc);
		if (!set) return [];
		Object.defineProperty(toc, 'current', { configurable: true, set() {} });
		return [{ toc, set }];
	});
	if (!setters.length) return;
	const ids = [...setters[0]!.toc.querySelectorAll('a')].map((a) => decodeURIComponent(a.hash.slice(1)));
	const headings = ids.flatMap((id) => {
		const el = document.getElementById(id);
		return el ? [el] : [];
	});
	let shown = '';
	const update = () => {
		queued = false;
		const line = stickyBottom() + READING_LINE_GAP;
		let current = headings[0]?.id ?? '';
		for (const heading of headings) {
			if (heading.getBoundingClientRect().top > line) break;
			current = heading.id;
		}
		if (current === shown) return;
		shown = current;
		for (const { toc, set } of setters) {
			const link = [...toc.querySelectorAll('a')].find((a) => decodeURIComponent(a.hash.slice(1)) === current);
			if (link) set(link);
		}
	};
	let queued = false;
	const queue = () => {
		if (queued) return;
		queued = true;
		requestAnimationFrame(update);
	};
	addEventListener('scroll', queue, { passive: true });
	addEventListener('resize', queue);
	update();
}
