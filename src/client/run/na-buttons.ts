import { CONTROL_LABELS } from '../../model/control-labels.ts';
import type { PageSteps } from './dom-steps.ts';

/**
 * Each step's N/A button, made by the page script rather than written in the page: without
 * JavaScript it could do nothing (it was hidden then), and written in every step row it was an
 * eighth of a long runbook's HTML (18 KB of the 165 KB yogaflow page), read again by the search
 * index and kept by every host. It is named as before: "Not applicable:" then the step's text
 * (`aria-labelledby`, the words written once a page by RunBar.astro), and sits before the step's
 * link, where the keyboard reaches it after the text.
 */
export function addNaButtons(page: PageSteps): void {
	const made = document.createElement('button');
	made.className = 'rs-na';
	// No type="button": no step is inside a form, where a button's default (submit) would act.
	made.title = 'Mark not applicable (a)';
	for (const { id, row } of page.steps.values()) {
		if (row.querySelector(':scope > .rs-na')) continue;
		const button = made.cloneNode() as HTMLButtonElement;
		button.setAttribute('aria-labelledby', `${CONTROL_LABELS.na} ${id}`);
		row.insertBefore(button, row.querySelector(':scope > .rs-anchor'));
	}
}
