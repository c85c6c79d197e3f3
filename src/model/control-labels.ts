/**
 * Words the step and section controls are named with, once a page (RunBar.astro writes them,
 * render/steps.ts `controlLabelsHtml`): each control says them through `aria-labelledby`, followed
 * by the text it is about, so a step carries its text once. Their ids cannot be a step's or a
 * section's (those are [a-z0-9-]). Shared by the pages' markup and the page script, which makes
 * each step's N/A (client/run/na-buttons.ts).
 */
export const CONTROL_LABELS = { na: '_na', step: '_step', section: '_section' } as const;
