import type { Action, Run } from '../../model/progress/run.ts';

const WORDS: Record<Action, string> = { tick: 'done', untick: 'unticked', na: 'N/A', clear: 'N/A cleared' };
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** The run's audit trail, newest first (the last 300 events). Loaded when the timeline opens. */
export function renderTimeline(list: HTMLOListElement, view: Run, textOf: (step: string) => string | undefined): void {
	list.replaceChildren(
		...view.events
			.slice(-300)
			.reverse()
			.map((e) => {
				const li = document.createElement('li');
				const time = document.createElement('time');
				time.dateTime = new Date(e.t).toISOString();
				time.textContent = dateTime.format(e.t);
				li.append(time, ` ${e.by ? `${e.by} ` : ''}${WORDS[e.action]}: ${textOf(e.step) ?? e.step}${e.reason ? ` (${e.reason})` : ''}`);
				return li;
			}),
	);
	if (!view.events.length) list.append(Object.assign(document.createElement('li'), { textContent: 'Nothing ticked yet in this run.' }));
}
