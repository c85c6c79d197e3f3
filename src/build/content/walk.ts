import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDocumentPath } from '../../import/generators/document-kinds.ts';

/**
 * Hidden folders that hold what a team writes: GitHub's and GitLab's issue, pull-request and
 * merge-request templates, where a release or incident checklist often lives
 * (`.github/ISSUE_TEMPLATE/release.md`). Other hidden folders are tools' own (`.obsidian`,
 * `.vscode`, `.venv`, `.docusaurus` build output …): not content.
 */
const CONTENT_DOT_FOLDERS = new Set(['.github', '.gitlab']);

/**
 * Every file under a folder, as paths inside it with `/`, sorted. Hidden files and hidden folders
 * (but `.github` and `.gitlab`), and `node_modules`, are not content; documents left out so (but
 * in `.git` and `node_modules`, never looked into) are given to `skipped`, so that they are named.
 */
export function filesUnder(dir: string, skipped?: string[]): string[] {
	const out: string[] = [];
	const visit = (relative: string, hiddenAbove: boolean) => {
		for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
			if (entry.name === '.git' || entry.name === 'node_modules') continue;
			const path = relative ? `${relative}/${entry.name}` : entry.name;
			const hidden = hiddenAbove || (entry.name.startsWith('.') && !(entry.isDirectory() && CONTENT_DOT_FOLDERS.has(entry.name)));
			if (hidden && !skipped) continue;
			if (entry.isDirectory()) visit(path, hidden);
			else if (entry.isFile() && !hidden) out.push(path);
			else if (entry.isFile() && isDocumentPath(path)) skipped!.push(path);
		}
	};
	visit('', false);
	skipped?.sort();
	return out.sort();
}

/** Files of a content folder by what they are. YAML names starting with "_" are not runbooks (`_config.yml`, `_category_.yml`). */
export function runbookFiles(all: readonly string[]): { yaml: string[]; markdown: string[] } {
	const name = (path: string) => path.split('/').pop()!;
	return {
		// Not a tool's YAML: in a hidden folder (`.github/workflows/`), or a site generator's config (`mkdocs.yml`).
		yaml: all.filter(
			(path) => /\.ya?ml$/i.test(path) && !name(path).startsWith('_') && !/(?:^|\/)\./.test(path) && !/^mkdocs\.ya?ml$/i.test(name(path)),
		),
		markdown: all.filter(isDocumentPath),
	};
}

/**
 * The files kept beside the runbooks (the images a Markdown runbook shows, a linked script or
 * PDF), as paths inside the folder, of all its files: not runbook files, nor index files, nor any
 * other YAML. Which of them the site publishes: model/published-files.ts.
 */
export function filesBeside(all: readonly string[]): string[] {
	const { yaml, markdown } = runbookFiles(all);
	const runbooks = new Set([...yaml, ...markdown]);
	return all.filter((path) => !runbooks.has(path) && !/\.ya?ml$/i.test(path));
}

/** The files kept beside the runbooks under `dir`. */
export const filesBesideRunbooks = (dir: string): string[] => filesBeside(filesUnder(dir));
