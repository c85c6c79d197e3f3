import { alertFromPath, alertRunbookFile, alertRunbookTemplate, alertWords } from '../model/unknown-alert.ts';
import { openSiteSearch, RUNBOOK_PAGES, searchPages, showHits } from './site-search.ts';

/** How many runbooks the page offers for an unknown alert. */
const CLOSEST = 5;

/**
 * The not-found page, when its address is an alert's (`/alerts/<Name>/`, a rule's runbook_url for
 * an alert no runbook names): it says so and names the alert, lists the runbooks closest to its
 * words and shows the Markdown file that would answer it. The name comes from the address: it is
 * checked (src/model/unknown-alert.ts) and only ever written as text.
 */
export function startUnknownAlert(root: HTMLElement): void {
	// data-base is the base path with its last slash, as the site search takes it.
	const name = alertFromPath(location.pathname, root.dataset.base!.slice(0, -1));
	if (!name) return;
	const nameWords = alertWords(name);
	const words = nameWords.join(' ');
	const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;

	const heading = document.querySelector('h1');
	if (heading) heading.textContent = `No runbook for ${name}`;
	document.title = document.title.replace(/^[^|]*/, `No runbook for ${name} `);
	for (const slot of root.querySelectorAll('[data-alert-name]')) slot.textContent = name;
	$('[data-alert-file]').textContent = alertRunbookFile(name);
	$('[data-alert-template]').textContent = alertRunbookTemplate(name);
	$('[data-alert-words]').textContent = words;
	document.querySelector<HTMLElement>('[data-not-found]')!.hidden = true;
	root.hidden = false;

	$('[data-alert-search]').addEventListener('click', () => openSiteSearch(words));
	$('[data-alert-copy]').addEventListener('click', () => {
		const copied = $('[data-alert-copied]');
		(navigator.clipboard?.writeText(alertRunbookTemplate(name)) ?? Promise.reject(new Error('no clipboard'))).then(
			() => (copied.textContent = 'Copied: paste it into a new file.'),
			() => {
				// No clipboard (a page served over plain http): the text is selected for the reader to copy.
				getSelection()?.selectAllChildren($('[data-alert-template]'));
				copied.textContent = 'Selected: copy it with Ctrl+C or ⌘C.';
			},
		);
	});
	const status = $('[data-alert-status]');
	const list = $<HTMLOListElement>('[data-alert-closest]');
	// The whole name's words first, then each word alone, longest first: the closest runbooks to a
	// name no page holds every word of.
	const single = [...new Set(nameWords)].filter((word) => word.length > 2).sort((a, b) => b.length - a.length);
	searchPages(root, [words, ...single.slice(0, 4)], { limit: CLOSEST, under: root.dataset.runbooks!, filters: RUNBOOK_PAGES }).then(
		(hits) => {
			showHits(list, hits);
			status.textContent = hits.length ? `The runbooks closest to “${words}”:` : `No runbook mentions “${words}”.`;
		},
		() => (status.textContent = 'The search is not available right now: use the alert list or the search at the top of the page.'),
	);
}
