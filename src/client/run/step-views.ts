import type { StepState } from '../../model/progress/run.ts';
import { countText, isFinished, mixedState, tally } from '../../model/progress/summary.ts';
import type { PageSteps, StepNode } from './dom-steps.ts';
import type { RunSession } from './session.ts';

/**
 * The steps and sections of a runbook page as the run has them: each box, its done / N/A stamp,
 * a group's mixed box, each section's count and fold. Drawn whenever the session changes.
 */

// Formatters are made once: building one per call costs more than all the rest of a render.
// With its date and zone, as every time of a record ("2026-12-01 02:21 UTC+1"): Swedish
// writes ISO dates, and its offset reads GMT+1.
const clock = new Intl.DateTimeFormat('sv-SE', {
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	timeZoneName: 'shortOffset',
});
const when = (t: number) => clock.format(t).replace('GMT', 'UTC');

/** "✓ 2026-12-01 14:02 UTC+1 · AB" or "N/A: no CDN 2026-12-01 14:02 UTC+1" beside the step, drawn by CSS from an attribute:
 * one attribute write per step keeps restoring a long run fast. */
function stamp(node: StepNode, s: StepState | undefined): void {
	const { row } = node;
	if (!s) return void delete row.dataset.stamp;
	row.dataset.stamp = `${s.status === 'na' ? `N/A${s.reason ? `: ${s.reason}` : ''}` : '✓'} ${when(s.t)}${s.by ? ` · ${s.by}` : ''}`;
}

export function drawSteps(page: PageSteps, session: RunSession): void {
	const { state } = session;
	const readonly = Boolean(session.snapshot);
	for (const node of page.steps.values()) {
		const s = node.leaves.length ? undefined : state.get(node.id);
		const mixed = node.leaves.length ? mixedState(tally(node.leaves, state)) : undefined;
		const shown = `${mixed ?? s?.status}|${s?.t}|${s?.by}|${s?.reason}|${readonly}`;
		if (shown === node.shown) continue;
		node.shown = shown;
		// Only what changed is written: a first render of a long run touches few elements.
		const data = mixed ? (mixed === 'all' ? 'done' : '') : (s?.status ?? '');
		// Properties the browser leaves alone when unchanged, so written as they are (`disabled`: an
		// attribute only a shared run's view sets).
		node.box.checked = data === 'done';
		node.box.indeterminate = mixed === 'some';
		node.box.disabled = readonly;
		if ((node.el.dataset.state ?? '') !== data) node.el.dataset.state = data;
		stamp(node, s);
	}
	for (const section of page.sections) {
		const t = tally(section.steps, state);
		if (!t.total) continue;
		const finished = isFinished(t);
		section.heading.querySelector(':scope > .rs-secprog')!.textContent = countText(t);
		section.el.dataset.finished = String(finished);
		const fold = section.heading.querySelector<HTMLButtonElement>(':scope > .rs-fold')!;
		if (fold.hidden === !finished) continue;
		fold.hidden = !finished;
		// A section that is no longer finished unfolds.
		if (!finished && section.el.classList.contains('rs-folded')) fold.click();
	}
}
