/**
 * Turns each "do one of" block into tabs. Without JavaScript (and in print) every option stays
 * visible; with it, one option shows at a time and arrow keys move between tabs (WAI-ARIA tabs).
 */
export function enhanceAlternatives(root: ParentNode = document): void {
	for (const container of root.querySelectorAll<HTMLElement>('.rs-alternatives:not([data-tabs])')) {
		const panels = [...container.querySelectorAll<HTMLElement>(':scope > .rs-alternative')];
		if (panels.length < 2) continue;
		const tablist = document.createElement('div');
		tablist.className = 'rs-tablist';
		tablist.setAttribute('role', 'tablist');
		tablist.setAttribute('aria-label', 'Options: do one of');
		const tabs = panels.map((panel, i) => {
			const tab = document.createElement('button');
			tab.type = 'button';
			tab.className = 'rs-tab';
			tab.id = `${panel.id}--tab`;
			tab.setAttribute('role', 'tab');
			tab.setAttribute('aria-controls', panel.id);
			tab.textContent = panel.querySelector('.rs-alternative-title')?.textContent?.trim() ?? `Option ${i + 1}`;
			panel.setAttribute('role', 'tabpanel');
			panel.setAttribute('aria-labelledby', tab.id);
			tablist.append(tab);
			return tab;
		});
		const select = (index: number, focus = false) => {
			tabs.forEach((tab, i) => {
				const selected = i === index;
				tab.setAttribute('aria-selected', String(selected));
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
		// A link straight to an option (#option-id) opens that option.
		const targeted = panels.findIndex((panel) => location.hash === `#${panel.id}` || panel.contains(document.getElementById(location.hash.slice(1)) ?? null));
		select(Math.max(0, targeted));
	}
}
