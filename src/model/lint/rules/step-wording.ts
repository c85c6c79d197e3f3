import type { Step } from '../../../schema/step.ts';
import { plainText } from '../../text.ts';
import type { LintContext } from '../context.ts';
import type { RawFinding } from '../types.ts';
import { placedSteps, stepLists } from '../walk.ts';

const words = (text: string) => plainText(text).split(/\s+/).filter(Boolean);

/** What the step gives beyond its one line: something to run, read or pick. */
function hasInstruction(step: Step): boolean {
	return Boolean(
		step.commands?.length || step.alternatives?.length || step.details?.length || step.notes?.length || step.steps?.length || step.expect,
	);
}

/**
 * A rollback or mitigation step that is only a title ("Stop accepting new traffic"): at 3 a.m.
 * the responder needs the command, or at least how. A line long enough to be the instruction
 * itself, or one naming a command or file in code, passes.
 */
export function stepsWithoutInstruction(context: LintContext): RawFinding[] {
	const findings: RawFinding[] = [];
	for (const section of context.sections) {
		// Criteria ("Data corruption detected") are conditions to recognise, not things to do.
		if (!section.emergency || section.section.kind === 'criteria' || section.section.kind === 'reference') continue;
		for (const { step, path } of placedSteps(section)) {
			if (hasInstruction(step) || step.text.includes('`') || words(step.text).length >= 8) continue;
			findings.push({
				rule: 'step-without-instruction',
				path,
				message: `"${plainText(step.text)}" has no command and no instruction beyond its title, in a ${section.section.kind} procedure`,
				fix: 'add the command (`commands:`) or say how (`details:`), and what confirms it (`expect:`)',
			});
		}
	}
	return findings;
}

// Verbs that ask to look at something without saying what should be seen.
const VAGUE_VERB = /^(check|verify|monitor|review|test|confirm|ensure|validate|inspect|watch|examine|investigate|look at|observe)\b/i;
// Words that name a state to confirm: "all", "no", a number, "is", "are", "healthy" …
const STATE =
	/\b(all|no|none|zero|every|is|are|shows?|returns?|healthy|green|pass(es|ing)?|up|ready|running|empty|below|above|under|within|match(es)?|succeeds?|success(ful(ly)?)?|works?|working|complete[sd]?|completing|configured|enabled|disabled|applied|accessible|available|correct(ly)?|ok)\b|\d/i;

/**
 * "Check logs": a bare verb with nothing to confirm. A checklist item names the state the
 * responder confirms ("No errors in the API logs since the deploy") or carries `expect:`.
 * Group steps (headings over sub-steps) pass.
 */
export function bareVerbSteps(context: LintContext): RawFinding[] {
	const findings: RawFinding[] = [];
	for (const section of context.sections) {
		for (const { step, path } of placedSteps(section)) {
			if (step.steps?.length || step.expect || step.commands?.some((c) => c.output)) continue;
			const text = plainText(step.text).trim();
			if (!VAGUE_VERB.test(text) || words(text).length > 4 || STATE.test(text.replace(VAGUE_VERB, ''))) continue;
			findings.push({
				rule: 'bare-verb-step',
				path,
				message: `"${text}" says what to look at, not what should be seen`,
				fix: 'name the state to confirm ("No errors in the logs since the deploy") or add `expect:` with it',
			});
		}
	}
	return findings;
}

/** The same step twice in one list: a copy-paste slip, or two steps that need telling apart. */
export function duplicateSteps(context: LintContext): RawFinding[] {
	const findings: RawFinding[] = [];
	for (const section of context.sections) {
		for (const list of stepLists(section)) {
			const first = new Map<string, number>();
			list.steps.forEach((step, i) => {
				const key = plainText(step.text).toLowerCase().replace(/\s+/g, ' ').trim();
				const at = first.get(key);
				if (at === undefined) {
					first.set(key, i);
					return;
				}
				findings.push({
					rule: 'duplicate-step',
					path: [...list.path, i],
					message: `"${plainText(step.text)}" is step ${at + 1} of this list too`,
					fix: 'remove the copy, or say what each one is for ("… on the API", "… on the worker")',
				});
			});
		}
	}
	return findings;
}
