/**
 * import <checklist.md> [--out <file.yaml>] [--id <id>] [--system <name>] [--title <title>] [--fresh] [--keep-placeholders]
 * import <folder> [--out-dir content/runbooks] [--system <name>] [--fresh] [--keep-placeholders] [--verbose]
 * import --pin <file.md or folder>
 *
 * A file: turns a Markdown checklist or runbook into a runbook file; prints a summary and
 * warnings on stderr. When --out names an existing runbook, its ids are kept for the steps the
 * import recognises (links and saved progress keep working), with its owners, tags and former
 * ids; --fresh ignores it. Placeholders (`your-domain.com`, `<previous-tag>`, `$NAMESPACE` ...)
 * become variables unless --keep-placeholders.
 *
 * A folder: every Markdown document under it, into <out-dir>/<folder name>/ with the same tree:
 * one runbook file per document, links between documents made links between runbooks, linked
 * images and files copied, index files (`_index.md`) copied for their folder's title. One line
 * per document, then the total. Importing the folder again keeps every id.
 *
 * --report: after a folder's import, how well it went, per document and in total: source words on
 * a page, code blocks as commands or output, procedures with steps, alerts, links not followed,
 * files not read (src/import/report). --format json prints it as JSON on stdout, the lines above on stderr.
 *
 * --pin: writes `{#id}` after every heading and step of Markdown runbooks that has none, in
 * place, so that the Markdown can stay the source and be reworded without breaking links.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readRunbookCollection, readRunbookFile } from '../build/content/collection.ts';
import { filesUnder } from '../build/content/walk.ts';
import { idFromName } from '../model/ids.ts';
import { secretKind } from '../model/published-files.ts';
import { formatReport, importReport, otherDocuments } from '../import/report/index.ts';
import {
	importChecklist,
	importFolder,
	isIndexFile,
	isRoutineWarning,
	pinMarkdown,
	runbookToYaml,
	type FolderIndex,
	type ImportedDocument,
} from '../import/index.ts';
import type { PreviousRunbook } from '../import/keep-ids.ts';
import { formatProblem, runbookIdFromFile } from '../build/content/validate.ts';
import { OutDir, OutsideOutDir } from '../../scripts/lib/out-dir.ts';
import { readMarkdownFile, readTextFile } from '../import/read-text.ts';
import { isDocumentPath } from '../import/generators/document-kinds.ts';
import { maxFileBytes } from '../schema/settings.ts';
import { settings } from '../settings.ts';
import { NPM, type Invocation } from './invocation.ts';
import { importOptions } from './options.ts';
import { packageRoot } from './package-root.ts';

/** A command stopped inside one of its steps, with the exit code to give. */
class Stop {
	readonly code: number;
	constructor(code: number) {
		this.code = code;
	}
}

export async function importCommand(argv: string[], how: Invocation = NPM): Promise<number> {
	let exitCode = 0;
	const USAGE = [
		`usage: ${how.usage('import', `<checklist.md> [--out ${how.folder}/<id>.yaml] [--id <id>] [--system <name>] [--title <title>] [--fresh] [--keep-placeholders]`)}`,
		`       ${how.usage('import', `<folder> [--out-dir ${how.folder}] [--system <name>] [--fresh] [--keep-placeholders] [--verbose] [--report [--format text|json]]`)}`,
		`       ${how.usage('import', '--pin <file.md or folder>')}`,
	].join('\n');

	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: importOptions,
	});

	if (values.help || positionals.length !== 1) {
		console.error(USAGE);
		return values.help ? 0 : 2;
	}

	if (values.format !== 'text' && values.format !== 'json') {
		console.error(`import: --format is text or json, not "${values.format}"`);
		return 2;
	}
	/** The lines a person reads; on stderr when stdout carries the JSON report. */
	const log = values.report && values.format === 'json' ? console.error : console.log;

	const input = positionals[0]!;
	let isFolder: boolean;
	try {
		isFolder = statSync(input).isDirectory();
	} catch (error) {
		console.error(`import: cannot read ${input}: ${(error as Error).message}`);
		return 1;
	}
	const markdownFile = isDocumentPath;
	const variables = !values['keep-placeholders'];

	try {
		if (values.pin) pin();
		else if (isFolder) await importWholeFolder();
		else importOneFile();
	} catch (error) {
		if (error instanceof Stop) return error.code;
		throw error;
	}
	return exitCode;

	function importOneFile(): void {
		const read = readMarkdownFile(input, maxFileBytes(settings));
		if ('problem' in read) {
			console.error(`import: ${input}: not imported: ${read.problem}`);
			throw new Stop(1);
		}
		const markdown = read.text;
		const id = values.id ?? (values.out ? runbookIdFromFile(values.out) : idFromName(basename(input).replace(/\.(md|markdown)$/i, '')));
		const previous = values.out && !values.fresh && existsSync(values.out) ? existingRunbook(values.out) : undefined;
		const { runbook, summary, warnings, proposals } = importChecklist(markdown, {
			id,
			system: values.system,
			title: values.title,
			sourceName: basename(input),
			variables,
			...(previous ? { previous } : {}),
		});
		const yaml = runbookToYaml(runbook);
		if (values.out) writeFileSync(values.out, yaml);
		else process.stdout.write(yaml);
		const counts = Object.entries(summary)
			.map(([key, value]) => `${key}: ${value}`)
			.join(', ');
		console.error(`import: ${input} -> ${values.out ?? 'stdout'} (id "${id}")\n  ${counts}`);
		for (const proposal of proposals) console.error(`  ${proposal}`);
		for (const warning of warnings) console.error(`  warning: ${warning}`);
	}

	/**
	 * The runbook a file about to be replaced holds, read as the build reads it: its ids are kept.
	 * One that is not valid stops the import rather than be written over with its ids lost.
	 */
	function existingRunbook(file: string): PreviousRunbook {
		const read = readRunbookFile(file);
		if (read.ok) return read.runbook;
		for (const problem of read.problems) console.error(formatProblem(problem));
		console.error(
			`import: ${file} is not a valid runbook (above), so its ids cannot be kept. Hint: fix it, or import with --fresh to replace it`,
		);
		throw new Stop(1);
	}

	async function importWholeFolder(): Promise<void> {
		const root = resolve(input);
		const name = basename(root);
		const outRoot = join(values['out-dir'], name);
		// Documents in hidden folders that are tools' own (`.obsidian`, `.vscode` …) are not read, but named.
		const hidden: string[] = [];
		const files = filesUnder(root, hidden);
		const documents = files.filter(markdownFile);
		if (!documents.length) {
			console.error(`import: no Markdown documents (*.md) under ${input}`);
			throw new Stop(1);
		}
		const limit = maxFileBytes(settings);
		// The content folder, read as the build reads it, once: what an earlier import of this folder
		// wrote (by source: its ids are kept), and the ids the site's other runbooks have (another folder
		// imported beside this one may use the same file names, and two runbooks of one id stop the build).
		const earlier = new Map<string, { id: string; runbook: PreviousRunbook; file: string }>();
		const taken = new Map<string, string>();
		if (existsSync(values['out-dir'])) {
			const site = await readRunbookCollection(values['out-dir'], values['out-dir'], { maxFileBytes: limit });
			const mine = `${name}/`;
			// As the collection names this folder's files in its problems.
			const mineAsNamed = `${values['out-dir'].replace(/\/+$/, '')}/${mine}`;
			for (const { id, path } of site.entries) if (!path.startsWith(mine)) taken.set(id, path);
			if (!values.fresh) {
				const read = new Set(site.entries.map((entry) => entry.file));
				const unreadable = site.problems.filter((problem) => problem.file.startsWith(mineAsNamed) && !read.has(problem.file));
				if (unreadable.length) {
					for (const problem of unreadable) console.error(formatProblem(problem));
					console.error(
						`import: runbook files of an earlier import in ${outRoot} are not valid (above), so their ids cannot be kept. Hint: fix them, or import with --fresh`,
					);
					throw new Stop(1);
				}
				for (const { id, path, data } of site.entries)
					if (path.startsWith(mine) && /\.ya?ml$/i.test(path) && data.source)
						earlier.set(data.source, { id, runbook: data, file: path.slice(mine.length) });
			}
		}
		const fileSet = new Set(files);
		// A file too big or not UTF-8 is left out, named; the rest of the folder still imports.
		const sources: { path: string; markdown: string }[] = [];
		const unread: { path: string; why: string }[] = [];
		for (const path of documents) {
			const read = readMarkdownFile(join(root, path), limit);
			if ('text' in read) sources.push({ path, markdown: read.text });
			else unread.push({ path, why: read.problem });
		}
		const result = importFolder(sources, {
			sourcePrefix: name,
			...(values.system ? { system: values.system } : {}),
			variables,
			isFile: (path) => fileSet.has(path) && !markdownFile(path),
			previous: (source) => earlier.get(source),
			taken: new Set(taken.keys()),
			siteFiles: files,
			readFile: (path) => {
				if (!fileSet.has(path)) return undefined;
				const read = readTextFile(join(root, path), limit);
				return 'text' in read ? read.text : undefined;
			},
		});
		const notRead = [
			...hidden.map((path) => ({ path, why: "in a hidden folder (a tool's own files, not content): not read" })),
			...otherDocuments(files, markdownFile),
		];

		const outDir = new OutDir(values['out-dir']);
		const refused: string[] = [];
		const guarded = (action: () => void) => {
			try {
				action();
			} catch (error) {
				if (!(error instanceof OutsideOutDir)) throw error;
				refused.push(error.message);
			}
		};
		const write = (path: string, text: string) => guarded(() => outDir.write(path, text));
		const copies = new Set<string>();
		let steps = 0;
		let commands = 0;
		let links = 0;
		let warnings = 0;
		let response = 0;
		let unknown = 0;
		for (const doc of result.documents) {
			// A document of `.github/ISSUE_TEMPLATE/` is written to `github/ISSUE_TEMPLATE/`: YAML in a hidden
			// folder of the content folder is a tool's (workflows, issue forms), never read as a runbook.
			const dir = dirname(doc.path) === '.' ? '' : dirname(doc.path).replace(/(^|\/)\.+/g, '$1');
			const out = join(outRoot, dir, `${doc.id}.yaml`);
			const schema = relative(dirname(out), join(packageRoot(), 'public/runbook.schema.json')).split('\\').join('/');
			write(out, runbookToYaml(doc.result.runbook, schema));
			for (const file of doc.files) copies.add(file);
			const { summary } = doc.result;
			const own = ownWarnings(doc);
			steps += summary.steps;
			commands += summary.commands;
			links += doc.links;
			warnings += own.length;
			if (summary.response) response++;
			if (!doc.result.runbook.version || !doc.result.runbook.lastReviewed) unknown++;
			const alerts = doc.result.runbook.alerts?.length ? ` · alerts ${doc.result.runbook.alerts.join(', ')}` : '';
			log(
				`  ${doc.path} -> ${relative(values['out-dir'], out)} · ${summary.response ? 'response' : 'checklist'}${alerts} · ${summary.sections} sections, ${summary.steps} steps, ${summary.commands} commands, ${summary.variables} variables, ${doc.links} links${own.length ? ` · ${own.length} warning${own.length > 1 ? 's' : ''}` : ''}`,
			);
			if (values.verbose) for (const line of [...doc.result.proposals, ...own.map((w) => `warning: ${w}`)]) log(`      ${line}`);
		}
		for (const index of result.indexes) {
			// An index that is a page of its own now (its runbook file, above) is kept for its folder's title
			// and summary only: the build would read its whole text again, as a second page of the same id.
			if (index.page) write(join(outRoot, index.path), indexTitleOnly(index));
			else copies.add(index.path);
		}
		// A file named like a secret is never copied, linked or not: the build would refuse to publish it,
		// and a copy in the content folder is one more place a token lives.
		const secrets = [...copies].filter((file) => secretKind(file));
		for (const file of secrets) copies.delete(file);
		for (const file of copies) guarded(() => outDir.copy(join(root, file), join(outRoot, file)));
		const indexCopies = result.indexes.filter((index) => !index.page).length;
		const written = new Set(result.documents.map((d) => `${name}/${d.path}`));
		const orphans = [...earlier.entries()].filter(([source]) => !written.has(source)).map(([, e]) => e.file);
		log(
			`import: ${documents.length} documents -> ${result.documents.length} runbooks in ${outRoot} (${response} response, ${result.documents.length - response} checklist), ${steps} steps, ${commands} commands, ${links} links between documents and files, ${copies.size - indexCopies} files and ${result.indexes.length} folder index files copied${warnings ? `, ${warnings} warnings (--verbose lists them)` : ''}`,
		);
		if (unknown)
			log(
				`  ${unknown} runbooks say no version or review date: their pages say "unversioned" and "not reviewed yet" until you add version: and lastReviewed:`,
			);
		if (orphans.length)
			log(
				`  ${orphans.length} runbook files of an earlier import have no document any more (kept; delete them if the documents are gone): ${orphans.join(', ')}`,
			);
		for (const warning of result.warnings) log(`  warning: ${warning}`);
		for (const { path, id, takenId } of result.documents)
			if (takenId) log(`  ${path}: the id "${takenId}" is ${taken.get(takenId)}'s in ${values['out-dir']}, so this one is "${id}"`);
		for (const file of secrets)
			log(
				`  warning: ${file} is linked but named like ${secretKind(file)}: not copied. Remove the link from the document; the build stops while a runbook links it`,
			);
		for (const { path, why } of unread) console.error(`import: ${join(input, path)}: not imported: ${why}`);
		for (const { path, why } of notRead) log(`  not read: ${path}: ${why}`);
		for (const message of refused) console.error(`import: ${message}`);
		if (unread.length || refused.length) exitCode = 1;
		if (values.report) {
			const markdown = new Map(sources.map(({ path, markdown }) => [path, markdown]));
			const report = importReport({
				documents: result.documents.map((doc) => ({
					path: doc.path,
					id: doc.id,
					markdown: doc.markdown,
					runbook: doc.result.runbook,
					warnings: doc.result.warnings,
				})),
				// An index that is a page is measured as a document, above.
				indexes: result.indexes.filter((index) => !index.page).map((index) => ({ ...index, markdown: markdown.get(index.path) ?? '' })),
				files,
				isDocument: markdownFile,
				refused: [...unread, ...hidden.map((path) => notRead.find((entry) => entry.path === path)!)],
			});
			console.log(values.format === 'json' ? JSON.stringify(report, null, '\t') : `\n${formatReport(report)}`);
		}
	}

	/** An index file that became a page, as its folder's title and summary alone (front matter, as YAML reads JSON). */
	function indexTitleOnly(index: FolderIndex): string {
		const fields = { ...(index.title ? { title: index.title } : {}), ...(index.summary ? { summary: index.summary } : {}) };
		return `---\n${JSON.stringify(fields)}\n---\n`;
	}

	/** Warnings worth a person's attention: not the version and review date every import lacks. */
	function ownWarnings(doc: ImportedDocument): string[] {
		return doc.result.warnings.filter((w) => !isRoutineWarning(w));
	}

	function pin(): void {
		const limit = maxFileBytes(settings);
		const targets = isFolder
			? filesUnder(input)
					.filter(markdownFile)
					.map((f) => join(input, f))
			: [input];
		const all = targets.map((t) => relative(input, t).split('\\').join('/'));
		let total = 0;
		for (const [i, file] of targets.entries()) {
			if (isFolder && isIndexFile(all[i]!, all)) continue;
			const read = readMarkdownFile(file, limit);
			if ('problem' in read) {
				// Refused, never rewritten: a file read with U+FFFD in place of its letters would be written back so.
				console.error(`  ${file}: not pinned: ${read.problem}`);
				exitCode = 1;
				continue;
			}
			const pinned = pinMarkdown(read.text);
			if ('error' in pinned) {
				console.error(`  ${file}: not pinned: ${pinned.error}`);
				continue;
			}
			if (pinned.pinned) writeFileSync(file, pinned.text);
			total += pinned.pinned;
			console.log(`  ${file}: ${pinned.pinned} ids pinned`);
		}
		console.log(`import: ${total} ids pinned in ${targets.length} files`);
	}
}
