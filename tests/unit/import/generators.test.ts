import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, runbookFiles } from '../../../src/build/content/walk.ts';
import { importChecklist, importFolder, type FolderImport, type ImportedDocument } from '../../../src/import/index.ts';
import { isDocumentPath } from '../../../src/import/generators/document-kinds.ts';
import { renderMarkdown } from '../../../src/render/markdown.ts';

/**
 * Every site generator's Markdown, read as its own tool reads it (issue 34, item 5), on small
 * folders of each tool's shape (tests/fixtures/site-generators/README.md), imported as the CLI
 * imports a folder.
 */
const FIXTURES = 'tests/fixtures/site-generators';

function importSite(name: string): FolderImport {
	const dir = join(FIXTURES, name);
	const all = filesUnder(dir);
	const files = new Set(all);
	return importFolder(
		all.filter(isDocumentPath).map((path) => ({ path, markdown: readFileSync(join(dir, path), 'utf8') })),
		{
			sourcePrefix: name,
			isFile: (path) => files.has(path) && !isDocumentPath(path),
			siteFiles: all,
			readFile: (path) => (files.has(path) ? readFileSync(join(dir, path), 'utf8') : undefined),
		},
	);
}

const doc = (folder: FolderImport, path: string): ImportedDocument => {
	const found = folder.documents.find((d) => d.path === path);
	if (!found) throw new Error(`${path} not imported: ${folder.documents.map((d) => d.path).join(', ')}`);
	return found;
};
/** All the Markdown a runbook shows (notes, step texts, commands), as one text. */
const shown = (document: ImportedDocument) => JSON.stringify(document.result.runbook);

describe('MkDocs', () => {
	const site = importSite('mkdocs');

	it('titles a page with no title of its own as mkdocs.yml’s nav does, and orders pages as the nav lists them', () => {
		const restart = doc(site, 'docs/ops/restart.md');
		expect(restart.result.runbook.title).toBe('Restarting the queue');
		expect(restart.result.warnings.join('\n')).not.toMatch(/title made from the file name/);
		expect(restart.result.runbook.order).toBe(2);
		// A bare `- ops/failover.md` entry: its own H1 is its title, its place is the nav's.
		const failover = doc(site, 'docs/ops/failover.md');
		expect(failover.result.runbook.title).toBe('Failing over the database');
		expect(failover.result.runbook.order).toBe(3);
	});

	it('follows a link written as the directory URL MkDocs publishes (`../failover/`)', () => {
		expect(shown(doc(site, 'docs/ops/restart.md'))).toContain('](/runbooks/failover/)');
		expect(doc(site, 'docs/ops/restart.md').result.warnings.join('\n')).not.toMatch(/not in the folder/);
	});

	it('puts in `--8<--` snippets from the base path mkdocs.yml names, in text and in code', () => {
		const failover = doc(site, 'docs/ops/failover.md');
		expect(shown(failover)).toContain('[!warning] Before failing over');
		expect(shown(failover)).toContain("psql -h replica -c 'select pg_is_in_recovery()'");
		expect(shown(failover)).not.toContain('check-replica.sh');
	});

	it('keeps a snippet that is not in the folder as text, and says so by line; an escaped one is shown as written', () => {
		const failover = doc(site, 'docs/ops/failover.md');
		expect(failover.result.warnings).toContain('line 15: snippet "missing-snippet.md" is not in the folder; kept as text');
		expect(shown(failover)).toContain('--8<-- \\"missing-snippet.md\\"');
		expect(shown(failover)).toContain('--8<-- \\"escaped.md\\"');
		expect(shown(failover)).not.toContain(';--8<--');
	});
});

describe('GitBook', () => {
	const site = importSite('gitbook');

	it('reads SUMMARY.md for titles and order, and makes no page of it', () => {
		expect(site.documents.map((d) => d.path)).not.toContain('SUMMARY.md');
		expect(doc(site, 'restore.md').result.runbook.title).toBe('Restoring a backup');
		expect(doc(site, 'restore.md').result.runbook.order).toBe(1);
		expect(doc(site, 'backup/rotate.md').result.runbook.title).toBe('Key rotation');
		expect(doc(site, 'backup/rotate.md').result.runbook.order).toBe(3);
		expect(site.warnings.join('\n')).toMatch(/SUMMARY\.md: GitBook's table of contents/);
	});
});

describe('Docusaurus', () => {
	const site = importSite('docusaurus');

	it('reads id, title and sidebar_position, and the folder’s _category_.json label as its system', () => {
		const page = doc(site, 'docs/ops/tablespace-setup.md');
		expect(page.id).toBe('tablespaces');
		expect(page.result.runbook.title).toBe('Tablespaces');
		expect(page.result.runbook.order).toBe(250);
		expect(page.result.runbook.system).toBe('Database operations');
	});

	it('titles a page that has only a sidebar_label by it', () => {
		const page = doc(site, 'docs/ops/untitled.md');
		expect(page.result.runbook.title).toBe('Vacuuming');
		expect(page.result.warnings.join('\n')).not.toMatch(/title made from the file name/);
	});

	it('reads :::info[Title] and :::note Title admonitions, an indented body too, as callouts', () => {
		const text = shown(doc(site, 'docs/ops/tablespace-setup.md'));
		expect(text).toContain('> [!info] Important\\n> Tablespaces cannot be removed once created.');
		expect(text).toContain('> [!note] Indented title');
		expect(text).toContain('> The body may be indented.');
		expect(text).not.toContain(':::');
	});

	it('follows a link by the page’s published URL, made of its front matter id, not its file name (`/docs/ops/tablespaces`)', () => {
		expect(shown(doc(site, 'docs/ops/untitled.md'))).toContain('](/runbooks/tablespaces/)');
	});

	it('reads .mdx, removing its import and export lines with a note; a prose line starting with "import" and code stay', () => {
		const page = doc(site, 'docs/ops/tabs.mdx');
		expect(page.result.runbook.title).toBe('Connecting');
		const text = shown(page);
		expect(text).not.toContain('@theme/Tabs');
		expect(text).not.toContain('export const port');
		expect(text).toContain('import the client certificate from the secret before you connect.');
		expect(text).toContain("import pg from 'pg';");
		expect(page.result.warnings.filter((w) => /MDX (import|export) removed/.test(w)).map((w) => w.split(':')[0])).toEqual([
			'line 4',
			'line 7',
		]);
	});
});

describe('Jekyll', () => {
	const site = importSite('jekyll');

	it('makes {% link %} and {{ site.baseurl }} links to the documents, anchors kept', () => {
		const text = shown(doc(site, '_docs/cdn.md'));
		expect(text).toContain('[deploying](/runbooks/deploy/)');
		expect(text).toContain('[the deploy page](/runbooks/deploy/#rollback)');
		expect(text).not.toContain('site.baseurl');
	});

	it('reports {% include %} by line and keeps it as text, but not inside code', () => {
		const page = doc(site, '_docs/cdn.md');
		expect(page.result.warnings).toContain(
			'line 9: Liquid tag `{% include warning.html %}` is not read (Jekyll fills it in when it builds); kept as text',
		);
		expect(shown(page)).toContain('{% include warning.html %}');
		expect(page.result.warnings.join('\n')).not.toContain('in-code.html');
		expect(shown(page)).toContain('{% include in-code.html %}');
	});

	it('follows links by published URL: /<baseurl>/docs/x.html and x.html', () => {
		const text = shown(doc(site, '_docs/deploy.md'));
		expect(text).toContain('[purging](/runbooks/cdn/)');
		expect(text).toContain('[purging again](/runbooks/cdn/)');
		expect(doc(site, '_docs/deploy.md').result.warnings.join('\n')).not.toMatch(/not in the folder/);
	});
});

describe('Middleman', () => {
	const site = importSite('middleman');

	it('reads .html.md and .html.md.erb files, with ids from their names', () => {
		expect(site.documents.map((d) => [d.path, d.id])).toEqual([
			['source/manual/cdn.html.md', 'cdn'],
			['source/manual/deploy.html.md.erb', 'deploy'],
		]);
	});

	it('keeps ERB as text and reports it by line', () => {
		const page = doc(site, 'source/manual/deploy.html.md.erb');
		expect(page.result.warnings.filter((w) => w.includes('ERB')).map((w) => w.split(':')[0])).toEqual(['line 7', 'line 11']);
		expect(shown(page)).toContain('<%= current_page.data.env %>');
	});

	it('follows /manual/x.html and ../manual/x/ to the document that publishes them', () => {
		const text = shown(doc(site, 'source/manual/cdn.html.md'));
		expect(text).toContain('[deploy](/runbooks/deploy/)');
		expect(text).toContain('[deploy again](/runbooks/deploy/)');
	});
});

describe('hidden folders', () => {
	const dir = join(FIXTURES, 'hidden');

	it('reads .github (issue templates hold checklists) and names the documents of other hidden folders', () => {
		const skipped: string[] = [];
		const all = filesUnder(dir, skipped);
		expect(all).toEqual(['.github/ISSUE_TEMPLATE/release.md', 'docs/runbook.md']);
		expect(skipped).toEqual(['.vscode/notes.md']);
		expect(filesUnder(dir)).toEqual(all);
	});

	it('imports the issue template as a runbook with steps, and the CLI says which files it did not read', () => {
		const out = join(tmpdir(), `hidden-${process.pid}`);
		const result = spawnSync(process.execPath, ['scripts/import.ts', dir, '--out-dir', out], {
			encoding: 'utf8',
		});
		rmSync(out, { recursive: true, force: true });
		// Written outside a hidden folder: YAML in one is a tool's (workflows, issue forms), never a runbook.
		expect(result.stdout).toMatch(
			/\.github\/ISSUE_TEMPLATE\/release\.md -> hidden\/github\/ISSUE_TEMPLATE\/release\.yaml .*· 1 sections, 2 steps/,
		);
		expect(result.stdout).toContain('not read: .vscode/notes.md: in a hidden folder');
	});

	it('takes no YAML in a hidden folder, nor mkdocs.yml, for a runbook of the content folder', () => {
		const { yaml, markdown } = runbookFiles([
			'.github/workflows/ci.yml',
			'.github/ISSUE_TEMPLATE/release.md',
			'mkdocs.yml',
			'ops/restart.yaml',
		]);
		expect(yaml).toEqual(['ops/restart.yaml']);
		expect(markdown).toEqual(['.github/ISSUE_TEMPLATE/release.md']);
	});
});

describe('GitLab [[_TOC_]]', () => {
	it('is removed (the page has its own table of contents), not shown as text; in code it stays', () => {
		const { runbook } = importChecklist('# Runner\n\n[[_TOC_]]\n\n## Steps\n\n1. Check.\n\n```\n[[_TOC_]]\n```\n');
		const text = JSON.stringify(runbook);
		expect(text.match(/_TOC_/g)).toHaveLength(1);
		expect(text).toContain('[[_TOC_]]');
	});
});

/** Every note of a runbook, wherever it is. */
function notesOf(data: unknown): string[] {
	if (Array.isArray(data)) return data.flatMap(notesOf);
	if (!data || typeof data !== 'object') return [];
	return Object.entries(data).flatMap(([key, value]) =>
		key === 'notes' && Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : notesOf(value),
	);
}

describe('footnotes', () => {
	const page =
		'# Upgrading\n\n| Dependency | Version |\n| --- | --- |\n| PostgreSQL | 14+ [^1] |\n\n[^1]: Support for PostgreSQL 14 is deprecated.\n';

	it('are rendered as footnotes: a number where referred to, the note after the same number', () => {
		const { runbook, warnings } = importChecklist(page);
		expect(warnings.join('\n')).not.toMatch(/footnoteDefinition/);
		const html = notesOf(runbook).map(renderMarkdown).join('\n');
		expect(html).toContain('14+ <sup>1</sup>');
		expect(html).toMatch(/<p><sup>1<\/sup> Support for PostgreSQL 14 is deprecated\.<\/p>/);
		expect(html).not.toContain('[^1]');
	});
});

describe('angle-bracket URLs', () => {
	it('keep their parentheses through the folder import and render as links', () => {
		const folder = importFolder(
			[
				{
					path: 'a.md',
					markdown: '# A\n\n## Steps\n\n1. Read <https://en.wikipedia.org/wiki/Foo_(bar)> and [it](<https://x.org/a_(b)>).\n',
				},
			],
			{
				sourcePrefix: 'x',
				isFile: () => false,
			},
		);
		const html = renderMarkdown(folder.documents[0]!.result.runbook.sections[0]!.steps![0]!.text);
		expect(html).toContain('href="https://en.wikipedia.org/wiki/Foo_(bar)"');
		expect(html).toContain('href="https://x.org/a_(b)"');
	});
});
