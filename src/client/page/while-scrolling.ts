import { hideHeaderWhileReading } from './reading-chrome.ts';
import { followReadingLine } from './toc-current.ts';

/**
 * What only matters once the reader scrolls: "On this page" following the reading line and, on
 * a phone, the header sliding away. Loaded at the first scroll (runbook-page.ts), so a page that
 * is opened, ticked and closed never fetches it.
 */
export function startScrolling(runBar: boolean): void {
	void followReadingLine();
	if (runBar) hideHeaderWhileReading();
}
