import type { PageSteps, StepNode } from './dom-steps.ts';

/**
 * The steps whose box the reader ticked before this script ran. On a slow network a page shows
 * its boxes seconds before its script has come, and the run then restored drew every box as the
 * saved run has it: a tick made meanwhile was silently undone. The run bar's inline script
 * (RunBar.astro) keeps the boxes changed until then in `window.runsheetEarlyTicks`; read once,
 * before the restore draws over them. A box left unticked is not taken as an untick: the reader
 * never saw the saved run's ticks it would clear. Boxes the browser itself restores (going back)
 * fire no change, so they are not among them.
 */
export function takeEarlyTicks(page: PageSteps): StepNode[] {
	const holder = globalThis as { runsheetEarlyTicks?: EventTarget[] };
	const changed = new Set(holder.runsheetEarlyTicks ?? []);
	delete holder.runsheetEarlyTicks;
	return page.order.map((id) => page.steps.get(id)!).filter((node) => changed.has(node.box) && node.box.checked);
}
