/**
 * Words the step and section controls are named with, once a page (RunBar.astro writes them,
 * render/steps.ts `controlLabelsHtml`): each control says them through `aria-labelledby`, followed
 * by the text it is about, so a step carries its text once. Their ids cannot be a step's or a
 * section's (those are [a-z0-9-]). N/A's and the step link's are shared with the page script,
 * which makes each step's N/A and link (client/run/step-controls.ts), as constants of their own:
 * the script carries nothing else, and ids of three characters, which the bundler writes in place
 * (a longer one stayed a variable of its own, bytes the page's 8 KB of JavaScript had no room for).
 */
export const NA_LABEL = '_na';
export const STEP_LINK_LABEL = '_ln';
export const CONTROL_LABELS = { na: NA_LABEL, step: STEP_LINK_LABEL, section: '_section' } as const;
