import { apply, statusOf, targets, type Outcome, type Target } from './commands.ts';
import { RUN_LIMITS } from '../../schema/run-limits.ts';
import type { RunSession } from './session.ts';

/**
 * N/A on a step, beside the other commands (commands.ts) but in a module of its own: the page
 * loads it with its questions (questions.ts), as N/A first asks why. Unit-tested without a page.
 */

/**
 * A step's N/A: asks why (`ask` returns null when the reader cancels) and marks the step, or
 * clears N/A when the step (every sub-step of a group) is N/A already.
 */
export function toggleNa(
	session: RunSession,
	counted: readonly string[],
	step: Target,
	ask: (question: string) => string | null,
): Outcome | undefined {
	if (session.snapshot) return undefined;
	const ids = targets(step);
	const question = naQuestion(session, step);
	if (question === undefined)
		return apply(
			session,
			counted,
			ids.map((id) => ({ step: id, action: 'clear' })),
			`Not applicable cleared: ${step.text}.`,
		);
	const reason = ask(question)?.trim();
	if (reason === undefined) return undefined;
	return apply(
		session,
		counted,
		ids
			.filter((id) => statusOf(session, id) !== 'na')
			.map((id) => ({ step: id, action: 'na', ...(reason ? { reason: reason.slice(0, RUN_LIMITS.reason) } : {}) })),
		`Not applicable: ${step.text}.`,
	);
}

/**
 * What N/A on this step asks (why it does not apply), or undefined when it asks nothing: the step
 * (every sub-step of a group) is N/A already and is cleared. The page asks in its own dialog, which
 * answers later (ask.ts): it asks first, then calls toggleNa with the answer.
 */
export function naQuestion(session: RunSession, step: Target): string | undefined {
	return targets(step).every((id) => statusOf(session, id) === 'na') ? undefined : `Why does “${step.text}” not apply? (optional)`;
}
