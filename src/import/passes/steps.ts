import { proposeExpectations } from '../expectations.ts';
import { proposeRollbackLinks } from '../rollback-links.ts';
import { proposeTimings } from '../timing.ts';
import type { Pass } from './pass.ts';

/** What confirms a step, where its source states it ("… should return 200"): expectations.ts. */
export const expectations: Pass = (state) => {
	state.runbook.sections = proposeExpectations(state.runbook.sections);
};

/** When a section or step is due, where its label names a time after the deployment: timing.ts. */
export const timings: Pass = (state) => {
	state.runbook.sections = proposeTimings(state.runbook.sections);
};

/** Rollback steps tagged with their techniques and linked to the deployment step each undoes: rollback-links.ts. */
export const rollbackLinks: Pass = (state) => {
	state.rollback = proposeRollbackLinks(state.runbook.sections);
	state.proposals.push(...state.rollback.links.map((link) => `requires: ${link}`));
};
