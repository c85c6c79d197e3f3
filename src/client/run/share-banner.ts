/**
 * The banner over a run opened from a share link: whose it is, and merge, save or close (their
 * clicks: page-events.ts). Made by the run menu's code, which opens such a run (run-actions.ts),
 * rather than written in every runbook and rollback page, where it was 0.8 KB (0.25 KB gzipped)
 * for something that needs that code to be shown at all. Its markup is this module's own words.
 */
export function shareBanner(root: HTMLElement): HTMLElement {
	const found = root.querySelector<HTMLElement>('[data-share-banner]');
	if (found) return found;
	root
		.querySelector('[data-runbar]')!
		.insertAdjacentHTML(
			'afterend',
			'<div class="rs-banner not-content" data-share-banner hidden><p>You are viewing a shared snapshot of the run <strong data-share-name></strong><span data-share-made hidden></span>, read-only. <span data-share-stale hidden>The runbook has changed since the link was made: some steps may not match.</span></p>' +
				'<p class="rs-banner-hint">“Merge into this run” adds its ticks to the run you are following. Where you both changed a step, the latest change wins; the timeline keeps both.</p>' +
				'<button type="button" class="rs-button rs-primary" data-action="merge-share">Merge into this run</button><button type="button" class="rs-button" data-action="save-share">Save as a run</button><button type="button" class="rs-button" data-action="close-share">Close</button></div>',
		);
	return root.querySelector<HTMLElement>('[data-share-banner]')!;
}
