import type { ImportContext } from '../context.ts';
import type { RollbackProposals } from '../rollback-links.ts';
import type { ImportedRunbook } from '../types.ts';

/**
 * What the passes work on once the readers are done: the runbook as read, what was proposed so far
 * (for the user to check), and what the readers left in the context (warnings, anchors, options).
 * A pass changes the runbook or adds to the proposals; import-checklist.ts runs them in order.
 */
export interface PassState {
	readonly ctx: ImportContext;
	runbook: ImportedRunbook;
	readonly proposals: string[];
	/** What the rollback pass found, for the summary. */
	rollback?: RollbackProposals;
}

export type Pass = (state: PassState) => void;
