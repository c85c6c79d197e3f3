import { documentReport, type DocumentReport, type ImportedForReport } from './document-report.ts';
import { sourceFigures } from './source-figures.ts';
import { countWords, keptWords, total } from './words.ts';

/** How a whole import went: each document, the folder index files, the files not read, and totals. */
export interface ImportReport {
	documents: DocumentReport[];
	/** Index files: read for their folder's title and summary only. Words beyond those are on no page. */
	indexes: { path: string; words: number; onNoPage: number }[];
	/** Files that look like documents but were not read (another markup, a template language). */
	notRead: { path: string; why: string }[];
	totals: {
		documents: number;
		words: { source: number; kept: number; percent: number };
		codeBlocks: {
			source: number;
			commandOrOutput: number;
			withValues: number;
			altered: number;
			plain: number;
			text: number;
			lost: number;
			percent: number;
		};
		procedures: { source: number; withSteps: number; percent: number };
		alerts: number;
		/** Values asked for, over all documents. */
		variables: number;
		unresolvedLinks: number;
	};
}

export interface ReportInput {
	documents: ImportedForReport[];
	indexes: { path: string; markdown: string; title?: string; summary?: string }[];
	/** Every file of the folder, by its path in it. */
	files: readonly string[];
	/** Whether the import read a file as a document. */
	isDocument: (path: string) => boolean;
	/** Documents the import refused to read (too big, not UTF-8, nested too deep), with why. */
	refused?: readonly { path: string; why: string }[];
}

/** Document-like files an import does not read, with what they are. */
const OTHER_DOCUMENTS: [RegExp, string][] = [
	[/\.(?:rst|rest)$/i, 'reStructuredText'],
	[/\.(?:adoc|asciidoc)$/i, 'AsciiDoc'],
	[/\.org$/i, 'Org'],
	[/\.textile$/i, 'Textile'],
	[/\.html?$/i, 'HTML'],
	[/\.(?:erb|haml|slim|liquid|njk|hbs|mustache|jinja2?|j2|tmpl|gotmpl)$/i, 'a template language'],
	[/\.(?:ipynb)$/i, 'a Jupyter notebook'],
	[/\.(?:wiki|mediawiki|creole|rdoc|pod|tex)$/i, 'another markup'],
];

/** Files of the folder that look like documents but are not read, with what they are. */
export function otherDocuments(files: readonly string[], isDocument: (path: string) => boolean): { path: string; why: string }[] {
	return files.flatMap((path) => {
		const kind = !isDocument(path) && OTHER_DOCUMENTS.find(([re]) => re.test(path));
		return kind ? [{ path, why: `${kind[1]}: not read` }] : [];
	});
}

const percent = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : 100);

export function importReport(input: ReportInput): ImportReport {
	const documents = input.documents.map(documentReport);
	const indexes = input.indexes.map(({ path, markdown, title, summary }) => {
		const words = countWords(sourceFigures(markdown).prose);
		return { path, words: total(words), onNoPage: total(words) - keptWords(words, countWords([title ?? '', summary ?? ''])).kept };
	});
	const notRead = [...(input.refused ?? []), ...otherDocuments(input.files, input.isDocument)];
	const sum = (f: (d: DocumentReport) => number) => documents.reduce((n, d) => n + f(d), 0);
	const words = { source: sum((d) => d.words.source) + indexes.reduce((n, i) => n + i.words, 0), kept: 0, percent: 0 };
	words.kept = words.source - sum((d) => d.words.source - d.words.kept) - indexes.reduce((n, i) => n + i.onNoPage, 0);
	words.percent = percent(words.kept, words.source);
	const code = {
		source: sum((d) => d.codeBlocks.source),
		commandOrOutput: sum((d) => d.codeBlocks.command + d.codeBlocks.output),
		withValues: sum((d) => d.codeBlocks.withValues),
		altered: sum((d) => d.codeBlocks.altered),
		plain: sum((d) => d.codeBlocks.plain),
		text: sum((d) => d.codeBlocks.text),
		lost: sum((d) => d.codeBlocks.lost),
		percent: 0,
	};
	code.percent = percent(code.commandOrOutput, code.source);
	const procedures = documents.filter((d) => d.procedure);
	const withSteps = procedures.filter((d) => d.steps > 0).length;
	return {
		documents,
		indexes,
		notRead,
		totals: {
			documents: documents.length,
			words,
			codeBlocks: code,
			procedures: { source: procedures.length, withSteps, percent: percent(withSteps, procedures.length) },
			alerts: sum((d) => d.alerts.length),
			variables: sum((d) => d.variables.length),
			unresolvedLinks: sum((d) => d.unresolvedLinks.length),
		},
	};
}
