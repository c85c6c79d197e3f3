import type { Runbook } from '../../schema/runbook.ts';
import { type PlacedSection, placedSections } from './walk.ts';

/** What every rule reads: the runbook, its sections placed once, and the day it is checked on. */
export interface LintContext {
	runbook: Runbook;
	sections: PlacedSection[];
	/** YYYY-MM-DD, for review dates. */
	today: string;
	/** The site's review interval (runsheet.config.yaml), for runbooks without their own. */
	reviewEveryDays: number;
}

export function lintContext(runbook: Runbook, options: { today: string; reviewEveryDays: number }): LintContext {
	return { runbook, sections: [...placedSections(runbook.sections)], ...options };
}
