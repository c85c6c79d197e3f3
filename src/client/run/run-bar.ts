import { countText, tally } from '../../model/progress/summary.ts';
import type { PageSteps } from './dom-steps.ts';
import type { RunSession } from './session.ts';

/** The run bar's progress: the bar and "8/113 done · 1 N/A", the one count every view agrees on. */
export function drawProgress(progress: HTMLProgressElement, text: HTMLElement, page: PageSteps, session: RunSession): void {
	const all = tally(page.counted, session.state);
	progress.max = all.total;
	progress.value = all.done + all.na;
	text.textContent = countText(all);
}
