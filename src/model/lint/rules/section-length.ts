import type { LintContext } from '../context.ts';
import type { RawFinding } from '../types.ts';
import { stepLists } from '../walk.ts';

/** Flight-deck checklist research (Degani & Wiener): one pause point holds 5 to 9 items. */
export const MAX_STEPS_AT_ONE_LEVEL = 9;

/** More steps at one level than a responder confirms at one pause point. */
export function longSections(context: LintContext): RawFinding[] {
	const findings: RawFinding[] = [];
	for (const section of context.sections) {
		for (const list of stepLists(section)) {
			if (list.steps.length <= MAX_STEPS_AT_ONE_LEVEL) continue;
			findings.push({
				rule: 'section-too-long',
				path: list.path,
				message: `${list.steps.length} steps at one level: more than the ${MAX_STEPS_AT_ONE_LEVEL} a responder confirms at one pause point`,
				fix: 'split them into sub-sections (one per pause point), or group related steps under a parent step',
			});
		}
	}
	return findings;
}
