import { deploymentTime, dueState, dueText, type DueState } from '../../model/clock.ts';
import { DEFAULT_RUN_ID, deriveState } from '../../model/progress/run.ts';
import { currentRunId, loadRun } from '../run/run-store.ts';
import { openStore } from '../run/storage.ts';

/**
 * The monitoring clock on a runbook page: each timed check says "due in 40 min", "due now" or
 * "overdue by 2 h", counted from the run's deployment (the last tick before the first timed
 * check), and the run bar names the next one. Everything comes from the stored run, so a page
 * opened later shows the same; it is redrawn every 30 s and after each tick. Loaded with the
 * scrolling aids, at the reader's first gesture, on pages that have timed checks.
 */
const ORDER: Record<DueState['kind'], number> = { overdue: 0, now: 1, upcoming: 2, done: 3 };

export function startDueClock(root: HTMLElement): void {
	const store = openStore();
	const runbook = root.dataset.runbook!;
	const badges = [...root.querySelectorAll<HTMLElement>('.rs-due')];
	if (!badges.length) return;
	const steps = [...root.querySelectorAll<HTMLElement>('[data-step]')];
	const leaves = (el: HTMLElement) => {
		const inner = [...el.querySelectorAll<HTMLElement>('[data-step]')].filter((s) => !s.querySelector('[data-step]'));
		return inner.length ? inner : [el];
	};
	// What the page says of each check does not change: read once, not at every redraw.
	const checks = badges.map((badge) => {
		const owner = badge.closest<HTMLElement>('[data-step], [data-section]')!;
		const heading = owner.querySelector<HTMLElement>('.rs-step-text, h2, h3, h4');
		return {
			badge,
			timing: { due: badge.dataset.due, every: badge.dataset.every },
			schedule: badge.textContent ?? '',
			leafIds: leaves(owner).map((el) => el.dataset.step!),
			label: heading?.innerText.split(':')[0]?.trim() ?? '',
			href: `#${owner.dataset.step ?? owner.dataset.section}`,
		};
	});
	// The deployment: every step before the first timed check, in page order.
	const first = badges[0]!.closest<HTMLElement>('[data-step], [data-section]')!;
	const before = steps
		.filter((el) => el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING && !first.contains(el))
		.map((el) => el.dataset.step!);
	const nextDue = root.querySelector<HTMLAnchorElement>('[data-next-due]');

	const draw = () => {
		const { run } = loadRun(store, runbook, currentRunId(store, runbook) ?? DEFAULT_RUN_ID, Date.now());
		const state = deriveState(run?.events ?? []);
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
	// After a tick has been saved (the run's own listener runs first).
	root.addEventListener('change', () => setTimeout(draw, 50));
	root.addEventListener('click', (event) => (event.target as HTMLElement).closest('[data-na]') && setTimeout(draw, 50));
}
