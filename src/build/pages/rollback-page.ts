/**
 * A runbook's rollback page, /rollback/<id>/ (src/routes/rollback/[id].astro): its paths, one per
 * runbook with rollback content, and everything the page shows.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { highlightCollectionAhead } from '../highlight/command-html.ts';
import { firstCommand } from '../highlight/order.ts';
import { setFirstBlock } from '../render-once.ts';
import { runPageSettings } from './run-page-settings.ts';
import { formerIdMap } from '../../model/links.ts';
import { sectionHeadings } from '../../model/outline.ts';
import { dependencyLinks, rollbackContent, type RollbackContent } from '../../model/rollback.ts';
import { variablesUsedIn } from '../../model/variables.ts';
import { findReferences, shellVariables } from '../../schema/template.ts';

export async function rollbackPagePaths() {
	const runbooks = await getCollection('runbooks');
	// The worker highlighting the command blocks starts now, before any page renders.
	highlightCollectionAhead();
	return runbooks.flatMap((entry) => {
		const rollback = rollbackContent(entry.data.sections);
		return rollback ? [{ params: { id: entry.id }, props: { entry, rollback } }] : [];
	});
}

/** `request` is the page's own (Astro.request): its first command block is told by it. */
export function rollbackPageData({ entry, rollback }: { entry: CollectionEntry<'runbooks'>; rollback: RollbackContent }, request: Request) {
	const runbook = entry.data;
	// Only the first command block carries Expressive Code's stylesheet and script (CommandBlock).
	setFirstBlock(request, firstCommand(rollback.sections));
	// Old anchors -> current ids; ids are [a-z0-9-] only, so the JSON needs no escaping.
	const formerIds = formerIdMap(runbook.sections);
	const variables = variablesUsedIn(runbook.variables, rollback.sections);
	return {
		id: entry.id,
		runbook,
		rollback,
		frontmatter: {
			title: `Roll back ${runbook.system}`,
			description: `How to roll back ${runbook.system} (${runbook.title}): when, the steps in order, and how to verify.`,
		},
		headings: [{ depth: 2, slug: 'when-to-roll-back', text: 'When to roll back' }, ...sectionHeadings(rollback.sections)],
		// A step the rollback depends on is on this page or, more often, back on the runbook page.
		links: dependencyLinks(entry.id, runbook.sections, 'rollback'),
		formerIds: Object.keys(formerIds).length ? JSON.stringify(formerIds) : undefined,
		variables,
		shell: variables.length ? shellVariables(findReferences(rollback.sections)) : undefined,
		...runPageSettings(runbook),
	};
}
