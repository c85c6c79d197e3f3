/**
 * Turns each "do one of" block into tabs. Without JavaScript (and in print) every option stays
 * visible; with it, one option shows at a time and arrow keys move between tabs (WAI-ARIA tabs).
 */
export function enhanceAlternatives(root: ParentNode = document): void {
	for (const container of root.querySelectorAll<HTMLElement>('.rs-alternatives:not([data-tabs])')) {
		const panels = [...container.querySelectorAll<HTMLElement>(':scope > .rs-alternative')];
		if (panels.length < 2) continue;
		const tablist = document.createElement('div');
		tablist.className = 'rs-tablist not-content';
		tablist.role = 'tablist';
		tablist.ariaLabel = 'Options: do one of';
		const tabs = panels.map((panel, i) => {
			const tab = document.createElement('button');
			tab.type = 'button';
			tab.className = 'rs-tab';
			tab.id = `${panel.id}--tab`;
			tab.role = 'tab';
			tab.setAttribute('aria-controls', panel.id);
			tab.textContent = panel.querySelector('.rs-alternative-title')?.textContent?.trim() ?? `Option ${i + 1}`;
			panel.role = 'tabpanel';
			panel.setAttribute('aria-labelledby', tab.id);
			tablist.append(tab);
			return tab;
		});
		const select = (index: number, focus = false): void => {
			tabs.forEach((tab, i) => {
				const selected = i === index;
				tab.ariaSelected = String(selected);
				tab.tabIndex = selected ? 0 : -1;
				panels[i]!.hidden = !selected;
			});
			if (focus) tabs[index]!.focus();
		};
		tablist.addEventListener('click', (event) => {
			const index = tabs.indexOf((event.target as HTMLElement).closest('.rs-tab') as HTMLButtonElement);
			if (index >= 0) select(index);
		});
		tablist.addEventListener('keydown', (event) => {
			const current = tabs.indexOf(document.activeElement as HTMLButtonElement);
			if (current < 0) return;
			const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 }[event.key];
			if (next === undefined) return;
			event.preventDefault();
			select((next + tabs.length) % tabs.length, true);
		});
		container.querySelector('.rs-alternatives-label')?.after(tablist);
		container.dataset.tabs = '';
		selectors.set(container, { panels, select });
		select(Math.max(0, targetedPanel(panels)));
	}
}

const selectors = new WeakMap<HTMLElement, { panels: HTMLElement[]; select: (index: number) => void }>();

/** The id the address's fragment names; none when it does not decode (a share link cut short, "#%E2%9C"). */
function hashId(): string {
	try {
		return decodeURIComponent(location.hash.slice(1));
	} catch {
		return '';
	}
}

/** The option a link points at (#option-id, or anything inside it), or -1. */
function targetedPanel(panels: HTMLElement[]): number {
	const id = hashId();
	const target = id ? document.getElementById(id) : null;
	return target ? panels.findIndex((panel) => panel.contains(target)) : -1;
}

/** Following a link to an option on the same page opens that option, then scrolls to it. */
export function openTargetedAlternatives(): void {
	for (const container of document.querySelectorAll<HTMLElement>('.rs-alternatives[data-tabs]')) {
		const entry = selectors.get(container);
		if (!entry) continue;
		const index = targetedPanel(entry.panels);
		if (index >= 0) {
			entry.select(index);
			document.getElementById(hashId())?.scrollIntoView();
		}
	}
}
