/** A runbook's printable sign-off sheet, /signoff/<id>/ (src/routes/signoff/[id].astro). */
import { getCollection, type CollectionEntry } from 'astro:content';
import { onSheet, pageRules, sheetHeader } from '../../model/sheet.ts';
import { plainText } from '../../model/text.ts';

export async function signoffSheetPaths() {
	const runbooks = await getCollection('runbooks');
	return runbooks.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

export function signoffSheetData({ entry }: { entry: CollectionEntry<'runbooks'> }) {
	const runbook = entry.data;
	return {
		id: entry.id,
		runbook,
		title: `Sign-off sheet: ${runbook.title}`,
		// The paper's page rules, A4 until the page's script knows better.
		pageRules: pageRules('A4', sheetHeader(runbook.title, runbook.version), 'Run: ____________'),
		parts: runbook.sections.filter(onSheet).map((s) => ({ id: s.id, title: plainText(s.title) })),
	};
}
