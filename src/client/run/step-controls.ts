import { NA_LABEL, STEP_LINK_LABEL } from '../../model/control-labels.ts';
import type { PageSteps } from './dom-steps.ts';

/**
 * Each step's N/A button and its link to itself (the `#` at the end of its row), made by the page
 * script rather than written in the page (issue 37). Without JavaScript N/A could do nothing (it
 * was hidden then); written in every step row the two were 220 bytes a step, 36 KB of the yogaflow
 * page's 165 KB, kept by every host and read again by the search index. The step keeps its id in
 * the page, so a link to it works with or without JavaScript; what a reader without JavaScript no
 * longer has is the mark to copy that link from (sections keep theirs, written in the page). Both
 * are named as before: "Not applicable:" or "Link to this step:", then the step's text
 * (`aria-labelledby`, the words written once a page by RunBar.astro), after the text and its
 * badges, the link last, as the keyboard reaches them.
 */
export function addStepControls(page: PageSteps): void {
	for (const { id, row } of page.steps.values()) {
		// No type="button": no step is inside a form, where a button's default (submit) would act.
		const button = document.createElement('button');
		button.className = 'rs-na';
		button.title = 'Mark not applicable (a)';
		button.setAttribute('aria-labelledby', `${NA_LABEL} ${id}`);
		const link = document.createElement('a');
		link.className = 'rs-anchor';
		link.href = `#${id}`;
		link.setAttribute('aria-labelledby', `${STEP_LINK_LABEL} ${id}`);
		row.append(button, link);
	}
}
