import type { RunSession } from '../run/session.ts';
import { hideHeaderWhileReading } from './reading-chrome.ts';

/**
 * What only matters once the reader scrolls or touches the page: on a phone the header sliding
 * away, and the monitoring clock. Loaded at the first scroll (runbook-page.ts), so a page that is
 * opened, ticked and closed never fetches it. `run` is the session of a page with a run bar.
 * ("On this page" follows the reading line on every page: components/toc/.)
 */
export function startScrolling(run: RunSession | undefined): void {
	if (run) hideHeaderWhileReading();
	// Monitoring checks with due times: their clock (a page without them never fetches it).
	const root = document.querySelector<HTMLElement>('[data-runbook]');
	if (root && run && root.querySelector('.rs-due')) void import('./due-clock.ts').then((m) => m.startDueClock(root, run));
}
