import { deriveState } from '../../model/progress/run.ts';
import { ago, countText, tally } from '../../model/progress/summary.ts';
import type { PageSteps } from './dom-steps.ts';
import type { RunSession } from './session.ts';

/**
 * The run bar's list of runs, each with its count and when it last changed. Until every run is
 * read, the list shows the current one; a shared snapshot shows itself, and the list is locked.
 */
export function drawRunList(select: HTMLSelectElement, page: PageSteps, session: RunSession): void {
	const { snapshot } = session;
	const runs = snapshot ? [snapshot] : (session.runs ?? [session.run]);
	select.replaceChildren(
		...runs.map((r) => {
			const t = tally(page.counted, deriveState(r.events));
			const when = r.events.length ? `, ${ago(r.updated, session.now())}` : '';
			const option = new Option(`${r.name}${snapshot ? ' (shared)' : ''} — ${countText(t)}${when}`, r.id);
			option.selected = r === snapshot || r.id === session.run.id;
			return option;
		}),
	);
	select.disabled = Boolean(snapshot);
}
