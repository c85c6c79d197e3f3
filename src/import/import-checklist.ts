import { ImportContext } from './context.ts';
import type { FrontMatter } from './front-matter.ts';
import { normaliseSource } from './normalise.ts';
import type { ImportOptions } from './options.ts';
import { assemble } from './passes/assemble.ts';
import { idAnchors, keepPreviousIds, unusedFrontMatter } from './passes/ids.ts';
import type { Pass, PassState } from './passes/pass.ts';
import { expectations, rollbackLinks, timings } from './passes/steps.ts';
import { type ImportSummary, summarize } from './passes/summary.ts';
import { literalVariables, placeholderVariables } from './passes/variables.ts';
import type { PinSite } from './pins.ts';
import { readDocument } from './readers/document.ts';
import type { ImportedRunbook } from './types.ts';

export type { ImportedRunbook } from './types.ts';
export type { ImportOptions } from './options.ts';
export type { ImportSummary } from './passes/summary.ts';
export { normaliseSource, type NormalisedSource } from './normalise.ts';

/**
 * One Markdown document to runbook data, in three stages: the source normalised (normalise.ts),
 * read block by block by the readers (readers/: one per kind of node or convention, sharing
 * context.ts), then refined by the passes (passes/), in the order below.
 */

export interface ImportResult {
	runbook: ImportedRunbook;
	summary: ImportSummary;
	warnings: string[];
	/** What the importer proposed beyond the source text, for the user to check. */
	proposals: string[];
	/**
	 * Anchors other documents may link to (`#diagnosis`, as the source's site generator made them
	 * from the headings, and every id of the runbook), each with the id it now has.
	 */
	anchors: Map<string, string>;
	/** Where `{#id}` pins would go in the source, for headings and steps that have none. */
	pins: PinSite[];
	/** The source's own front matter, as read (its runbook id, if it pins one). */
	frontMatter: FrontMatter;
}

/**
 * The passes, in order. Expectations and timings read the steps as written; rollback links before
 * the variables (a rollback matches its deployment step on the commands as written); literal values
 * after the placeholders (`v1.0.0` beside `<version>` was the stand-in); the previous file's ids
 * once the text is final (they are matched on it); the ids as anchors last.
 */
const PASSES: readonly Pass[] = [
	expectations,
	timings,
	rollbackLinks,
	placeholderVariables,
	literalVariables,
	keepPreviousIds,
	unusedFrontMatter,
	idAnchors,
];

export function importChecklist(markdown: string, options: ImportOptions = {}): ImportResult {
	const source = normaliseSource(markdown);
	const ctx = new ImportContext(source.text, options, source.repairs);
	readDocument(ctx);
	const state: PassState = { ctx, runbook: assemble(ctx), proposals: [] };
	for (const pass of PASSES) pass(state);
	return {
		runbook: state.runbook,
		summary: summarize(state),
		warnings: [...ctx.warnings, ...source.notes],
		proposals: state.proposals,
		anchors: ctx.anchors,
		pins: ctx.pins,
		frontMatter: ctx.frontMatter,
	};
}
