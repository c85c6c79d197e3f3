import type { Section } from '../../../schema/section.ts';
import type { LintContext } from '../context.ts';
import type { RawFinding } from '../types.ts';

// A heading that is its own trigger: "If deployment fails", "When the queue backs up".
const CONDITIONAL_TITLE = /^(if|when|in case|on|after)\b/i;
const TRIGGER_WORDS = /\b(when|trigger|criteria|if)\b/i;

function saysWhen(section: Section): boolean {
	return Boolean(section.when || section.description || CONDITIONAL_TITLE.test(section.title.trim()));
}

/** A criteria section of the runbook about this procedure ("When to roll back", "Rollback triggers"). */
function hasCriteriaFor(sections: Section[], kind: Section['kind']): boolean {
	const word = kind === 'rollback' ? /roll\s*-?back/i : /mitigat|escalat/i;
	const visit = (list: Section[]): boolean =>
		list.some((s) => (s.kind === 'criteria' && word.test(s.title) && TRIGGER_WORDS.test(s.title)) || visit(s.sections ?? []));
	return visit(sections);
}

/**
 * Each rollback or mitigation procedure says when to use it (`when:`, a description, a
 * conditional heading, or a "When to roll back" criteria section); the first such section on
 * the way down counts for the ones inside it. A response runbook's mitigation answers its alerts,
 * which are its trigger.
 */
export function proceduresWithoutTrigger(context: LintContext): RawFinding[] {
	const { runbook } = context;
	const findings: RawFinding[] = [];
	for (const placed of context.sections) {
		const { section } = placed;
		if (section.kind !== 'rollback' && section.kind !== 'mitigation') continue;
		if (placed.parent?.emergency) continue; // judged with the procedure it is part of
		if (section.kind === 'mitigation' && (runbook.alerts?.length || runbook.kind === 'response')) continue;
		const inside = [section, ...(section.sections ?? [])];
		if (inside.some(saysWhen) || hasCriteriaFor(runbook.sections, section.kind)) continue;
		findings.push({
			rule: 'procedure-without-trigger',
			path: placed.path,
			message: `the ${section.kind} procedure "${section.title}" does not say when to use it`,
			fix: 'add `when:` with its trigger, e.g. "error rate above 5% for 10 minutes after the deploy", or a criteria section "When to roll back"',
		});
	}
	return findings;
}
