import { walkSections, walkSteps } from '../../model/outline.ts';
import { keepIds } from '../keep-ids.ts';
import { NO_REVIEW_DATE, NO_VERSION } from '../routine-warnings.ts';
import type { ImportedRunbook } from '../types.ts';
import { proposeVariables } from '../variables.ts';
import type { Pass } from './pass.ts';

/** Re-importing over an existing file: its ids, former ids and hand-set header are kept (keep-ids.ts). */
export const keepPreviousIds: Pass = (state) => {
	const { ctx } = state;
	if (!ctx.options.previous) return;
	// Matched on the same text: the existing file's placeholders read as variables too.
	const previous = structuredClone(ctx.options.previous);
	if (ctx.options.variables !== false) proposeVariables({ sections: previous.sections ?? [] });
	const kept = keepIds(state.runbook, previous);
	state.runbook = kept.runbook;
	// The existing file supplied what the source lacks: no need to ask for it.
	if (state.runbook.version) ctx.dropWarning(NO_VERSION);
	if (state.runbook.lastReviewed) ctx.dropWarning(NO_REVIEW_DATE);
	state.proposals.push(`kept ${kept.kept} ids of the existing file`);
	if (kept.lost.length) {
		ctx.warnings.push(
			`${kept.lost.length} ids of the existing file are gone (links to them will not arrive; add each to the formerIds of the step that replaces it): ${kept.lost.join(', ')}`,
		);
	}
};

/** Every id of the runbook as an anchor too (a link may already use the id itself), after the headings' own. */
export const idAnchors: Pass = ({ ctx, runbook }) => {
	for (const [anchor, id] of idsOf(runbook)) if (!ctx.anchors.has(anchor)) ctx.anchors.set(anchor, id);
};

function* idsOf(runbook: ImportedRunbook): Generator<[string, string]> {
	for (const section of walkSections(runbook.sections)) {
		yield [section.id, section.id];
		for (const step of walkSteps(section.steps)) {
			yield [step.id, step.id];
			for (const alternative of step.alternatives ?? []) yield [alternative.id, alternative.id];
		}
	}
}

/** Front matter keys the importer does not use, named so that nobody thinks them read. */
export const unusedFrontMatter: Pass = ({ ctx, proposals }) => {
	if (ctx.frontMatter.ignored.length) proposals.push(`front matter not used: ${ctx.frontMatter.ignored.join(', ')}`);
};
