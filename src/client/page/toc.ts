import { stickyBottom } from './sticky.ts';

/**
 * "On this page", Runsheet's own (components/toc/, Starlight's TableOfContents and
 * MobileTableOfContents overridden in astro.config.mjs): the current entry is the section whose
 * heading is the last one above the reading line, just below the bars that stay on screen.
 * Starlight's element guesses from what crosses a band of the screen and, on runbook pages
 * (sections in sections, headings in wrappers, long step lists), chose the wrong entry at most
 * scroll positions; tests/e2e/phone.spec.ts checks the entry at 30 of them.
 */

/** How far below the bars the reading line is: about two lines of text. */
export const READING_LINE_GAP = 48;

const headingId = (link: HTMLAnchorElement) => decodeURIComponent(link.hash.slice(1));

/** The list beside the page (`runsheet-toc`): marks the current entry as Starlight's did. */
export class TableOfContents extends HTMLElement {
	#current: HTMLAnchorElement | undefined;

	connectedCallback(): void {
		follow(this);
	}

	show(id: string): HTMLAnchorElement | undefined {
		const link = [...this.querySelectorAll('a')].find((a) => headingId(a) === id);
		if (!link || link === this.#current) return undefined;
		this.#current?.removeAttribute('aria-current');
		link.setAttribute('aria-current', 'true');
		this.#current = link;
		return link;
	}
}

/**
 * The bar under the header on narrower screens (`runsheet-mobile-toc`): it also names the current
 * entry, and its list closes as Starlight's does, on a link, a click outside or Escape.
 */
export class MobileTableOfContents extends TableOfContents {
	constructor() {
		super();
		const details = this.querySelector('details');
		if (!details) return;
		const close = () => (details.open = false);
		for (const a of details.querySelectorAll('a')) a.addEventListener('click', close);
		addEventListener('click', (e) => {
			if (!details.contains(e.target as Node)) close();
		});
		addEventListener('keydown', (e) => {
			if (e.key !== 'Escape' || !details.open) return;
			const hadFocus = details.contains(document.activeElement);
			close();
			if (hadFocus) details.querySelector('summary')?.focus();
		});
	}

	override show(id: string): HTMLAnchorElement | undefined {
		const link = super.show(id);
		const display = this.querySelector('.display-current');
		if (link && display) display.textContent = link.textContent;
		return link;
	}
}

// One reading line for the page's lists (the one beside the page and the phone's bar).
const lists = new Set<TableOfContents>();
let headings: HTMLElement[] = [];
let shown: string | undefined;
let queued = false;

function follow(list: TableOfContents): void {
	lists.add(list);
	if (lists.size > 1) {
		if (shown !== undefined) list.show(shown);
		return;
	}
	// When the page is idle, as Starlight did: the page's own scripts start first.
	const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
	idle(() => {
		headings = [...list.querySelectorAll('a')].flatMap((a) => document.getElementById(headingId(a)) ?? []);
		addEventListener('scroll', queue, { passive: true });
		addEventListener('resize', queue);
		update();
	});
}

function queue(): void {
	if (queued) return;
	queued = true;
	requestAnimationFrame(update);
}

function update(): void {
	queued = false;
	const line = stickyBottom() + READING_LINE_GAP;
	let current = headings[0]?.id ?? '';
	for (const heading of headings) {
		if (heading.getBoundingClientRect().top > line) break;
		current = heading.id;
	}
	if (current === shown) return;
	shown = current;
	for (const list of lists) list.show(current);
}
