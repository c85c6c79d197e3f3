import { SHORTCUTS } from '../../model/progress/shortcuts.ts';
import { escapeText } from '../../render/html.ts';

/**
 * The keyboard shortcuts, a modal dialog closed by its button or Esc, shown by `?` (step-keys.ts)
 * or the run menu (run-actions.ts). Made the first time it is asked for, rather than written in
 * every runbook and rollback page (0.9 KB, 0.27 KB gzipped, for a dialog few readers open). Both
 * callers import this module when they need it: imported by both up front, it was a chunk of its
 * own whose name the page's script had to carry (29 B gzipped over the script's budget). Its
 * markup is this module's own words.
 */
export function showShortcuts(root: HTMLElement): void {
	if (!root.querySelector('[data-shortcuts]')) {
		const list = SHORTCUTS.map(([key, does]) => `<dt>${escapeText(key)}</dt><dd>${escapeText(does)}</dd>`).join('');
		root
			.querySelector('[data-announce]')!
			.insertAdjacentHTML(
				'afterend',
				`<dialog class="rs-shortcuts not-content" data-shortcuts aria-labelledby="rs-shortcuts-title"><h2 id="rs-shortcuts-title">Keyboard shortcuts</h2><dl>${list}</dl><form method="dialog"><button class="rs-button" autofocus>Close</button></form></dialog>`,
			);
	}
	root.querySelector<HTMLDialogElement>('[data-shortcuts]')!.showModal();
}
