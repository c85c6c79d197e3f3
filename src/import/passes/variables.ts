import type { Variable } from '../../schema/variables.ts';
import { proposeLiteralVariables } from '../literals.ts';
import type { ImportedRunbook } from '../types.ts';
import { describeProposal, proposeVariables } from '../variables.ts';
import type { Pass } from './pass.ts';

/** The runbook with `variables:` just above `sections:`, where a reader of the file meets them first. */
function withVariables(runbook: ImportedRunbook, variables: Variable[]): ImportedRunbook {
	const { sections, signoff, variables: _old, ...head } = runbook;
	return { ...head, variables, sections, ...(signoff ? { signoff } : {}) };
}

/** The declarations the file being re-imported over refined by hand (label, pattern, secret), by name. */
const previousVariables = (state: Parameters<Pass>[0]) => new Map((state.ctx.options.previous?.variables ?? []).map((v) => [v.name, v]));

/** `<host>`, `$NAMESPACE`, `{{NAME}}` in commands and text: values to fill in (variables.ts). */
export const placeholderVariables: Pass = (state) => {
	if (state.ctx.options.variables === false) return;
	const variables = proposeVariables(state.runbook);
	if (!variables.length) return;
	const before = previousVariables(state);
	state.runbook = withVariables(
		state.runbook,
		variables.map((p) => before.get(p.variable.name) ?? p.variable),
	);
	state.proposals.push(...variables.map(describeProposal));
};

/** After the placeholders: `v1.0.0` was the stand-in release, not a pinned version (literals.ts). */
export const literalVariables: Pass = (state) => {
	if (state.ctx.options.variables === false) return;
	const literals = proposeLiteralVariables(state.runbook);
	if (literals.variables.length) {
		const before = previousVariables(state);
		state.runbook = withVariables(state.runbook, [
			...(state.runbook.variables ?? []),
			...literals.variables.map((v) => before.get(v.name) ?? v),
		]);
	}
	state.proposals.push(...literals.proposals);
};
