import { deploymentTime, dueState, dueText, type DueState } from '../../model/clock.ts';
import { deriveState } from '../../model/progress/run.ts';
import { STEP, stepIdOf } from '../run/dom-steps.ts';
import type { RunSession } from '../run/session.ts';

/**
 * The monitoring clock on a runbook page: each timed check says "due in 40 min", "due now" or
 * "overdue by 2 h", counted from the run's deployment (the last tick before the first timed
 * check), and the run bar names the next one. Everything comes from the run being followed (a
 * shared run on view does not change it), so a page opened later shows the same; it is redrawn
 * every 30 s and whenever the run changes, however it changed (a box, a key, a tap on a step's
 * text, another tab, a live run). Loaded with the scrolling aids, at the reader's first
 * gesture, on pages that have timed checks; given the page's run session (runbook-page.ts).
 */
const ORDER: Record<DueState['kind'], number> = { overdue: 0, now: 1, upcoming: 2, done: 3 };

export function startDueClock(root: HTMLElement, session: RunSession): void {
	const badges = [...root.querySelectorAll<HTMLElement>('.rs-due')];
	if (!badges.length) return;
	const steps = [...root.querySelectorAll<HTMLElement>(STEP)];
	const leaves = (el: HTMLElement) => {
		const inner = [...el.querySelectorAll<HTMLElement>(STEP)].filter((s) => !s.querySelector(STEP));
		return inner.length ? inner : [el];
	};
	// What the page says of each check does not change: read once, not at every redraw.
	const checks = badges.map((badge) => {
		const owner = badge.closest<HTMLElement>(`${STEP}, [data-section]`)!;
		const heading = owner.querySelector<HTMLElement>('.rs-step-text, h2, h3, h4');
		return {
			badge,
			timing: { due: badge.dataset.due, every: badge.dataset.every },
			schedule: badge.textContent ?? '',
			leafIds: leaves(owner).map((el) => stepIdOf(el)!),
			label: heading?.innerText.split(':')[0]?.trim() ?? '',
			href: `#${stepIdOf(owner) ?? owner.dataset.section}`,
		};
	});
	// The deployment: every step before the first timed check, in page order.
	const first = badges[0]!.closest<HTMLElement>(`${STEP}, [data-section]`)!;
	const before = steps
		.filter((el) => el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING && !first.contains(el))
		.map((el) => stepIdOf(el)!);
	const nextDue = root.querySelector<HTMLAnchorElement>('[data-next-due]');

	const draw = () => {
		const state = session.snapshot ? deriveState(session.run.events) : session.state;
		const deployed = deploymentTime(before, (id) => state.get(id)?.t);
		const now = Date.now();
		let next: { state: DueState; check: (typeof checks)[number] } | undefined;
		for (const check of checks) {
			const { badge } = check;
			if (deployed === undefined) {
				badge.textContent = check.schedule;
				delete badge.dataset.state;
				continue;
			}
			// A check is done when every step under it is (ticked or N/A): at its latest tick.
			const times = check.leafIds.map((id) => state.get(id)?.t);
			const doneAt = times.every((t) => t !== undefined) ? Math.max(...(times as number[])) : undefined;
			const s = dueState(check.timing, deployed, now, doneAt);
			badge.textContent = dueText(s) ?? 'done';
			badge.dataset.state = s.kind;
			if (s.kind !== 'done' && (!next || ORDER[s.kind] < ORDER[next.state.kind] || (s.kind === next.state.kind && s.at < next.state.at)))
				next = { state: s, check };
		}
		if (!nextDue) return;
		nextDue.hidden = !next;
		if (next) {
			nextDue.textContent = nextDue.title = `${next.check.label}: ${dueText(next.state)}`;
			nextDue.href = next.check.href;
			nextDue.dataset.state = next.state.kind;
		}
	};
	draw();
	setInterval(draw, 30_000);
	session.subscribe(draw);
}
