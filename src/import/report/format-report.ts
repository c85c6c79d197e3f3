import type { DocumentReport } from './document-report.ts';
import type { ImportReport } from './import-report.ts';

/** The report as a person reads it: one line per document, then what to look at, then the totals. */
export function formatReport(report: ImportReport): string {
	const out: string[] = ['import report:'];
	for (const doc of report.documents) out.push(`  ${documentLine(doc)}`);
	const look: string[] = [];
	for (const doc of report.documents) {
		const { words, codeBlocks } = doc;
		if (words.kept < words.source)
			look.push(`${doc.path}: ${words.source - words.kept} source words on no page (most: ${words.missing.join(', ')})`);
		if (codeBlocks.lines.lost.length) look.push(`${doc.path}: code blocks on no page at lines ${codeBlocks.lines.lost.join(', ')}`);
		if (codeBlocks.lines.altered.length)
			look.push(`${doc.path}: commands that copy other text than the source at lines ${codeBlocks.lines.altered.join(', ')}`);
		if (doc.procedure && !doc.steps) look.push(`${doc.path}: holds a procedure (${doc.procedure}) but has no steps`);
		for (const link of doc.unresolvedLinks) look.push(`${doc.path}: ${link}`);
		for (const what of doc.notRead) look.push(`${doc.path}: ${what}`);
	}
	for (const index of report.indexes)
		if (index.onNoPage) look.push(`${index.path}: a folder index read for its title and summary; ${index.onNoPage} words on no page`);
	for (const file of report.notRead) look.push(`${file.path}: ${file.why}`);
	if (look.length) out.push('to look at:', ...look.map((line) => `  ${line}`));
	const { words, codeBlocks, procedures, alerts, unresolvedLinks, documents } = report.totals;
	out.push(
		`total: ${documents} documents · words kept ${words.kept}/${words.source} (${words.percent}%) · code blocks as commands or output ${codeBlocks.commandOrOutput}/${codeBlocks.source} (${codeBlocks.percent}%; ${codeBlocks.withValues} with values to fill, ${codeBlocks.altered} altered, ${codeBlocks.plain} with no copy button, ${codeBlocks.text} as text, ${codeBlocks.lost} lost) · procedures with steps ${procedures.withSteps}/${procedures.source} (${procedures.percent}%) · ${alerts} alerts · ${report.totals.variables} values asked for · ${unresolvedLinks} links unresolved · ${report.notRead.length} files not read`,
	);
	return out.join('\n');
}

function documentLine(doc: DocumentReport): string {
	const { words, codeBlocks: c } = doc;
	const code = c.source
		? ` · code ${c.source}: ${[
				[c.command, 'command'],
				[c.withValues, 'of them with values'],
				[c.output, 'output'],
				[c.altered, 'altered'],
				[c.plain, 'no copy button'],
				[c.text, 'text'],
				[c.lost, 'lost'],
			]
				.filter(([n]) => n)
				.map(([n, what]) => `${n} ${what}`)
				.join(', ')}`
		: '';
	const procedure = doc.procedure ? ` · procedure, ${doc.steps} steps` : doc.steps ? ` · ${doc.steps} steps` : '';
	const alerts = doc.alerts.length ? ` · alerts ${doc.alerts.join(', ')}` : '';
	const values = doc.variables.length ? ` · values ${doc.variables.join(', ')}` : '';
	const links = doc.unresolvedLinks.length ? ` · ${doc.unresolvedLinks.length} links unresolved` : '';
	return `${doc.path} · "${doc.title}" · words ${words.kept}/${words.source}${code}${procedure}${alerts}${values}${links}`;
}
