import { cleanInitials } from '../../model/progress/check.ts';
import { RUN_LIMITS } from '../../schema/run-limits.ts';
import { ask } from './ask.ts';
import type { Outcome, Target } from './commands.ts';
import { naQuestion, toggleNa } from './na.ts';
import type { Messages } from './messages.ts';
import { ASKED_KEY, OPERATOR_KEY } from './run-store.ts';
import type { RunSession } from './session.ts';

/**
 * What the run page asks in its own dialog (ask.ts), loaded on first use. The operator's initials,
 * recorded with each tick from the moment they are given: asked at the first tick of a browser that
 * has none (once: a skip is remembered too), when joining or starting a live run without them, and
 * from the run menu. Why a step does not apply, asked before N/A marks it.
 */
export type InitialsAsked = 'first' | 'live' | 'menu';

const TEXT: Record<InitialsAsked, string> = {
	first:
		'Recorded with each tick from now on, so that a shared or merged run says who did what. Asked once in this browser: the run menu’s “Set my initials…” changes them.',
	live: 'Shown to the others with each of your ticks.',
	menu: 'Recorded with each tick in this browser. Leave empty to record none.',
};

/** Asks for the initials and keeps them; says what it did. Undefined when cancelled or skipped. */
export async function askInitials(
	session: RunSession,
	messages: Pick<Messages, 'saved' | 'announce'>,
	why: InitialsAsked,
	back?: HTMLElement | null,
): Promise<string | undefined> {
	const value = await ask({
		title: why === 'menu' ? 'Your initials' : 'Who is working?',
		text: TEXT[why],
		label: 'Your initials',
		value: session.operator() ?? '',
		maxLength: 20,
		ok: 'Save',
		cancel: why === 'first' ? 'Skip' : 'Cancel',
		// Cleaned as before (letters and digits, four at most): only an answer with none is refused.
		check: (typed) => (typed && !cleanInitials(typed) ? 'Initials are letters or digits, such as AB.' : undefined),
		back,
	});
	// Given or skipped, the first tick's question is not asked again in this browser.
	if (why === 'first' || value !== null) session.store.set(ASKED_KEY, '1');
	if (value === null) return undefined;
	const clean = cleanInitials(value);
	if (!clean && why !== 'menu') return undefined;
	// Initials that could not be saved are not recorded with the ticks: the warning says so.
	if (clean && !messages.saved(session.store.set(OPERATOR_KEY, clean))) return undefined;
	if (!clean) session.store.remove(OPERATOR_KEY);
	messages.announce(clean ? `Initials set to ${clean}.` : 'Initials cleared.');
	return clean || undefined;
}

/** Why a step does not apply, asked before it is marked N/A (commands.ts toggleNa): '' for no reason, null when cancelled. */
export const askReason = (step: string) =>
	ask({
		title: `Not applicable: ${step}`,
		label: 'Why does it not apply? (optional)',
		maxLength: RUN_LIMITS.reason,
		ok: 'Mark N/A',
		cancel: 'Cancel',
	});

/** Whether this page asked for the initials already. */
let asked = false;

/**
 * After a tick: the first tick of a browser without initials asks for them, once (a skip is
 * remembered too), after it is recorded: the tick never waits for the answer, the initials go with
 * the ticks that follow. Not where nothing is kept (storage refused): it would ask at every visit.
 */
export function afterTick(session: RunSession, messages: Pick<Messages, 'saved' | 'announce'>, step: Target): void {
	const { store } = session;
	if (asked || session.snapshot || !store.persistent || session.operator() || store.get(ASKED_KEY)) return;
	if (session.state.get(step.leaves[0] ?? step.id)?.status !== 'done') return;
	asked = true;
	void askInitials(session, messages, 'first');
}

/** A step's N/A: why it does not apply is asked first (not when it is cleared), then it is marked, unless it changed meanwhile. */
export async function markNa(
	session: RunSession,
	counted: readonly string[],
	step: Target,
	show: (done: Outcome | undefined) => void,
): Promise<void> {
	if (naQuestion(session, step) === undefined) return show(toggleNa(session, counted, step, () => null));
	const reason = await askReason(step.text);
	if (reason !== null && naQuestion(session, step) !== undefined) show(toggleNa(session, counted, step, () => reason));
}
