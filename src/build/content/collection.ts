/**
 * The one reader of runbook files: the runbooks of a content folder, read and checked as one
 * collection, the typed files (`<id>.yaml`, in any sub-folder) and the Markdown ones, read
 * through the importer at build time (`*.md`: the Markdown stays the source). Astro's content
 * loader (loader.ts) and every command that reads runbooks (validate, lint:runbooks, links,
 * alerts, and import looking for an earlier import) read them through here, from the folder they
 * are given: none is assumed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FolderIndex } from '../../import/folder.ts';
import { runbookSchema, type Runbook } from '../../schema/runbook.ts';
import {
	findCollectionProblems,
	formatPath,
	runbookIdFromFile,
	validateRunbookSource,
	type RunbookProblem,
	type ValidationResult,
} from './validate.ts';
import { createHash } from 'node:crypto';
import { planRunbookFiles, type FilePlan } from '../../model/published-files.ts';
import { filesBeside, filesUnder, runbookFiles } from './walk.ts';
import { readMarkdownFile, readTextFile } from '../../import/read-text.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../../schema/settings.ts';
import { isDocumentPath } from '../../import/generators/document-kinds.ts';

/** One runbook of the collection. */
export interface CollectionEntry {
	/** The id the site gives it: /runbooks/<id>/. */
	id: string;
	/** Its file, as messages name it: the folder's label (by default the folder as given) and `path`. */
	file: string;
	/** Its file's path inside the folder, with `/`. */
	path: string;
	data: Runbook;
	/** The file's text, YAML or Markdown: what its lines are counted in. */
	source: string;
	/** Changes when the runbook does: Astro's data store tells changed entries by it. */
	digest: string;
}

export interface RunbookCollection {
	entries: CollectionEntry[];
	problems: RunbookProblem[];
	warnings: RunbookProblem[];
	/** What folder index files (`_index.md`) say of their folders. */
	folders: FolderIndex[];
	/** How many runbook files were read. */
	files: number;
	/** The files beside the runbooks: which are published (those linked, of the kinds allowed), which not. */
	runbookFiles: FilePlan;
}

/** Of a file's text (or a Markdown runbook's data): Astro's data store tells changed entries by it. */
export function sourceDigest(source: string): string {
	return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

/**
 * Reads and checks every runbook under `dir` (`label` is how its files are named in messages). A
 * file above `maxFileBytes` (the settings' `import.maxFileBytes`), not UTF-8, or Markdown nested
 * too deep is a problem naming it (and its line): refused, never read half or with U+FFFD.
 */
export async function readRunbookCollection(
	dir: string,
	label = dir,
	{ maxFileBytes = DEFAULT_MAX_FILE_BYTES }: { maxFileBytes?: number } = {},
): Promise<RunbookCollection> {
	const all = filesUnder(dir);
	const { yaml, markdown } = runbookFiles(all);
	const at = (path: string) => `${label.replace(/\/+$/, '')}/${path}`;
	const entries: CollectionEntry[] = [];
	const problems: RunbookProblem[] = [];
	const warnings: RunbookProblem[] = [];

	const read = (path: string, reader: typeof readTextFile): string | undefined => {
		const text = reader(join(dir, path), maxFileBytes);
		if ('text' in text) return text.text;
		problems.push({
			file: at(path),
			...(text.line ? { line: text.line } : {}),
			path: '',
			message: text.problem.replace(/^line \d+: /, ''),
		});
		return undefined;
	};

	for (const path of yaml) {
		const source = read(path, readTextFile);
		if (source === undefined) continue;
		const result = validateRunbookSource(source, at(path));
		if (!result.ok) problems.push(...result.problems);
		else {
			warnings.push(...result.warnings);
			entries.push({ id: runbookIdFromFile(path), file: at(path), path, data: result.runbook, source, digest: sourceDigest(source) });
		}
	}

	const files = new Set(all);
	// The importer (and the Markdown parser under it) loads only for a folder with Markdown in it:
	// a collection of YAML alone does not pay for it at every build.
	const sources = new Map(
		markdown.flatMap((path) => {
			const text = read(path, readMarkdownFile);
			return text === undefined ? [] : [[path, text] as const];
		}),
	);
	const folder = sources.size
		? (await import('../../import/folder.ts')).importFolder(
				[...sources].map(([path, text]) => ({ path, markdown: text })),
				{
					sourcePrefix: '',
					isFile: (path) => files.has(path) && !isDocumentPath(path),
					paths: all,
					// A site generator's config and snippets beside the runbooks, read as the import reads them.
					readFile: (path) => {
						const text = files.has(path) ? readTextFile(join(dir, path), maxFileBytes) : undefined;
						return text && 'text' in text ? text.text : undefined;
					},
				},
			)
		: { documents: [], indexes: [] };
	for (const doc of folder.documents) {
		const file = at(doc.path);
		const rejected = doc.result.frontMatter.rejectedId;
		if (rejected)
			warnings.push({
				file,
				path: rejected.field,
				message: `${JSON.stringify(rejected.value)} is not a runbook id (lowercase words joined by hyphens, never a path): the file name's id "${doc.id}" is used instead. Hint: write e.g. \`${rejected.field}: ${doc.id}\``,
			});
		const result = runbookSchema.safeParse(doc.result.runbook);
		if (!result.success) {
			for (const issue of result.error.issues) {
				problems.push({
					file,
					path: formatPath(issue.path),
					message: `${issue.message}${issue.message.includes('Hint:') ? '' : '. Hint: this comes from the Markdown as imported; `npm run import -- <file> --out <file>.yaml` shows the data it makes'}`,
				});
			}
			continue;
		}
		entries.push({
			id: doc.id,
			file,
			path: doc.path,
			data: result.data,
			// A playbook alert's part of its file (the lines around it blank, so that lines count as in the file).
			source: doc.markdown,
			digest: sourceDigest(JSON.stringify(result.data)),
		});
	}

	problems.push(...findCollectionProblems(entries.map(({ id, file, data }) => ({ id, file, formerIds: data.formerIds }))));
	const plan = planRunbookFiles(filesBeside(all), entries);
	for (const { path, what, linkedBy } of plan.secrets) {
		for (const file of linkedBy) {
			problems.push({
				file,
				path: '',
				message: `links ${path}, named like ${what}: such a file is never published. Hint: take the link out, and keep the file in your secret store, not beside the runbooks (a file named so that holds no secret: rename it)`,
			});
		}
	}
	return { entries, problems, warnings, folders: folder.indexes, files: yaml.length + folder.documents.length, runbookFiles: plan };
}

/**
 * One runbook file on its own (a file `npm run import -- --out` is about to replace), read and
 * checked as the collection reads its YAML files.
 */
export function readRunbookFile(file: string): ValidationResult {
	return validateRunbookSource(readFileSync(file, 'utf8'), file);
}
