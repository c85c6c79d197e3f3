import type { Action, Run } from '../../model/progress/run.ts';
import { formatWhen, isoWithOffset, offsetAt } from '../../model/time.ts';

const WORDS: Record<Action, string> = { tick: 'done', untick: 'unticked', na: 'N/A', clear: 'N/A cleared' };

/**
 * The run's audit trail, newest first (the last 300 entries): ticks and record fields written on
 * the sign-off sheet, each with its date and zone. Loaded when the timeline opens.
 */
export function renderTimeline(list: HTMLOListElement, view: Run, textOf: (step: string) => string | undefined): void {
	// The sign-off record's labels by field id, from the page (read here: the timeline loads on demand).
	const labels = JSON.parse(list.closest<HTMLElement>('[data-runbook]')?.dataset.recordLabels ?? '{}') as Record<string, string>;
	const fieldLabel = (field: string) => labels[field] ?? field;
	const entries = [
		...view.events.map((e) => ({
			t: e.t,
			text: ` ${e.by ? `${e.by} ` : ''}${WORDS[e.action]}: ${textOf(e.step) ?? e.step}${e.reason ? ` (${e.reason})` : ''}`,
		})),
		...(view.record ?? []).map((r) => ({
			t: r.t,
			text: ` ${r.by ? `${r.by} ` : ''}${r.value ? `wrote ${fieldLabel(r.field)}: ${r.value}` : `cleared ${fieldLabel(r.field)}`}`,
		})),
	].sort((a, b) => a.t - b.t);
	list.replaceChildren(
		...entries
			.slice(-300)
			.reverse()
			.map(({ t, text }) => {
				const li = document.createElement('li');
				const time = document.createElement('time');
				time.dateTime = isoWithOffset(t, offsetAt(t, view.utc));
				time.textContent = formatWhen(t, offsetAt(t, view.utc));
				li.append(time, text);
				return li;
			}),
	);
	if (!entries.length) list.append(Object.assign(document.createElement('li'), { textContent: 'Nothing ticked yet in this run.' }));
}
