import { runbookFigures, significantLines, type RunbookFigures } from './runbook-figures.ts';
import { sourceFigures } from './source-figures.ts';
import { countWords, keptWords, total } from './words.ts';
import { isRoutineWarning } from '../routine-warnings.ts';

/** How one document came through the import: what its source holds against what its runbook holds. */
export interface DocumentReport {
	path: string;
	id: string;
	title: string;
	words: { source: number; kept: number; missing: string[] };
	codeBlocks: {
		source: number;
		/** Every line a command or its output, as written (a `{{NAME}}` only where the source had a word). */
		command: number;
		/** Commands in which a word became a value to fill in (`{{NAME}}`): they copy the source only once it is given. */
		withValues: number;
		/** A command, with lines the source does not hold. */
		altered: number;
		output: number;
		/** A code block in a note: shown as code, with no copy button. */
		plain: number;
		/** Kept only as text. */
		text: number;
		/** On no page. */
		lost: number;
		/** Where the altered and lost ones start in the source. */
		lines: { altered: number[]; lost: number[] };
	};
	/** What makes the source a procedure, when it is one. */
	procedure?: string;
	steps: number;
	alerts: string[];
	/** The values the runbook asks for: every one should be a placeholder of the source, never a literal. */
	variables: string[];
	/** Links the import could not follow, as it said. */
	unresolvedLinks: string[];
	/** What the import did not read, or read otherwise, as it said. */
	notRead: string[];
}

export interface ImportedForReport {
	path: string;
	id: string;
	markdown: string;
	runbook: { title: string };
	warnings: readonly string[];
}

export function documentReport(doc: ImportedForReport): DocumentReport {
	const source = sourceFigures(doc.markdown);
	const runbook = runbookFigures(doc.runbook);
	const prose = runbook.prose.join('\n');
	const codeBlocks: DocumentReport['codeBlocks'] = {
		source: 0,
		command: 0,
		withValues: 0,
		altered: 0,
		output: 0,
		plain: 0,
		text: 0,
		lost: 0,
		lines: { altered: [], lost: [] },
	};
	for (const block of source.codeBlocks) {
		codeBlocks.source++;
		const lines = significantLines(block.value);
		const kind = blockKind(lines, runbook, prose);
		codeBlocks[kind]++;
		// A command whose lines are not all a command's or an output's as written: a {{NAME}} stands in one.
		if (kind === 'command' && lines.some((line) => !runbook.commandLines.has(line) && !runbook.outputLines.has(line)))
			codeBlocks.withValues++;
		if (kind === 'altered' || kind === 'lost') codeBlocks.lines[kind].push(block.line);
	}
	const sourceWords = countWords(source.prose);
	const kept = keptWords(sourceWords, countWords(runbook.text));
	const warnings = doc.warnings.filter((w) => !isRoutineWarning(w));
	return {
		path: doc.path,
		id: doc.id,
		title: doc.runbook.title,
		words: { source: total(sourceWords), kept: kept.kept, missing: kept.missing },
		codeBlocks,
		...(source.procedure ? { procedure: source.procedure } : {}),
		steps: runbook.steps,
		alerts: runbook.alerts,
		variables: runbook.variables,
		unresolvedLinks: warnings.filter((w) => w.startsWith('link ')),
		notRead: warnings.filter((w) => !w.startsWith('link ')),
	};
}

type BlockKind = 'command' | 'altered' | 'output' | 'plain' | 'text' | 'lost';

/**
 * A code block is a command when its lines are a command's (its output's lines may follow), altered
 * when some of them are and others are on no command, output when only outputs hold it, plain when
 * a code block of a note holds it (no copy button), text when
 * only the page's prose holds its first line, and lost when nothing does.
 */
function blockKind(lines: string[], runbook: RunbookFigures, prose: string): BlockKind {
	if (!lines.length) return 'command';
	const asCommand = (line: string) => runbook.commandLines.has(line) || runbook.variableLines.some((re) => re.test(line));
	const inCommand = lines.filter(asCommand).length;
	const inOutput = lines.filter((line) => runbook.outputLines.has(line)).length;
	if (inCommand && inCommand + inOutput >= lines.length) return 'command';
	if (inCommand) return 'altered';
	if (inOutput >= lines.length) return 'output';
	if (inOutput) return 'altered';
	if (lines.every((line) => runbook.plainLines.has(line))) return 'plain';
	return prose.includes(lines[0]!) ? 'text' : 'lost';
}
