/**
 * Words the step and section controls are named with, once a page (RunBar.astro writes them,
 * render/steps.ts `controlLabelsHtml`): each control says them through `aria-labelledby`, followed
 * by the text it is about, so a step carries its text once. Their ids cannot be a step's or a
 * section's (those are [a-z0-9-]). N/A's is shared with the page script, which makes each step's
 * N/A (client/run/na-buttons.ts), as a constant of its own: the script carries nothing else.
 */
export const NA_LABEL = '_na';
export const CONTROL_LABELS = { na: NA_LABEL, step: '_step', section: '_section' } as const;
