/**
 * A runbook's page, /runbooks/<id>/ (src/routes/runbooks/[id].astro): its paths, and everything
 * the page shows, worked out here so that the route only renders it.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { keptFindings } from '../content/kept-findings.ts';
import { highlightCollectionAhead } from '../highlight/command-html.ts';
import { firstCommand } from '../highlight/order.ts';
import { setFirstBlock } from '../render-once.ts';
import { runPageSettings } from './run-page-settings.ts';
import { formerIdMap } from '../../model/links.ts';
import { countSteps, sectionHeadings } from '../../model/outline.ts';
import { paths } from '../../model/paths.ts';
import { dependencyLinks, rollbackContent } from '../../model/rollback.ts';
import { findReferences, shellVariables } from '../../schema/template.ts';

export async function runbookPagePaths() {
	const runbooks = await getCollection('runbooks');
	// The worker highlighting the command blocks starts now, before any page renders.
	highlightCollectionAhead();
	return runbooks.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

/** `request` is the page's own (Astro.request): its first command block is told by it. */
export function runbookPageData({ entry }: { entry: CollectionEntry<'runbooks'> }, request: Request) {
	const runbook = entry.data;
	const headings = sectionHeadings(runbook.sections);
	// Record and signature lines go in the runbook's own sign-off section when it has one.
	const signoffSection = runbook.signoff ? runbook.sections.find((s) => s.kind === 'signoff') : undefined;
	if (runbook.signoff && !signoffSection) headings.push({ depth: 2, slug: 'signoff', text: 'Sign-off' });
	// Only the first command block carries Expressive Code's stylesheet and script (CommandBlock).
	setFirstBlock(request, firstCommand(runbook.sections, runbook.notes));
	// Old anchors -> current ids; ids are [a-z0-9-] only, so the JSON needs no escaping.
	const formerIds = formerIdMap(runbook.sections);
	return {
		id: entry.id,
		runbook,
		frontmatter: { title: runbook.title, description: runbook.summary || `${runbook.system} runbook` },
		headings,
		signoffSection,
		rollbackHref: rollbackContent(runbook.sections) ? paths.rollback(entry.id) : undefined,
		links: dependencyLinks(entry.id, runbook.sections, 'runbook'),
		formerIds: Object.keys(formerIds).length ? JSON.stringify(formerIds) : undefined,
		recordLabels: runbook.signoff?.record.length
			? JSON.stringify(Object.fromEntries(runbook.signoff.record.map((field) => [field.id, field.label])))
			: undefined,
		steps: countSteps(runbook),
		shell: runbook.variables?.length ? shellVariables(findReferences(runbook)) : undefined,
		// What the build's lint found, when the site shows it (runsheet.config.yaml lint.showOnPages).
		findings: keptFindings(entry),
		...runPageSettings(runbook),
	};
}
