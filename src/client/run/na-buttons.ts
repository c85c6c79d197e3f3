import { NA_LABEL } from '../../model/control-labels.ts';
import type { PageSteps } from './dom-steps.ts';

/**
 * Each step's N/A button, made by the page script rather than written in the page: without
 * JavaScript it could do nothing (it was hidden then), and written in every step row it was an
 * eighth of a long runbook's HTML (18 KB of the 165 KB yogaflow page), read again by the search
 * index and kept by every host. It is named as before: "Not applicable:" then the step's text
 * (`aria-labelledby`, the words written once a page by RunBar.astro).
 */
export function addNaButtons(page: PageSteps): void {
	for (const { id, row } of page.steps.values()) {
		// No type="button": no step is inside a form, where a button's default (submit) would act.
		const button = document.createElement('button');
		button.className = 'rs-na';
		button.title = 'Mark not applicable (a)';
		button.setAttribute('aria-labelledby', `${NA_LABEL} ${id}`);
		// Before the step's link, the row's last element (render/steps.ts): the keyboard reaches it after the text.
		row.insertBefore(button, row.lastElementChild);
	}
}
