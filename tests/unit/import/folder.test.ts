import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Code, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { filesUnder } from '../../../src/build/content/walk.ts';
import { documentIds, importFolder, pinMarkdown, type FolderImport } from '../../../src/import/index.ts';
import { validateRunbookSource } from '../../../src/build/content/validate.ts';
import { noteParts } from '../../../src/model/note-parts.ts';
import type { Section } from '../../../src/schema/section.ts';
import type { Step } from '../../../src/schema/step.ts';
import { PROMETHEUS_CORPUS } from '../../support/fixtures.ts';

const CORPUS = PROMETHEUS_CORPUS;
const TEAM = 'tests/fixtures/team-runbooks';
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function importDir(dir: string, prefix = 'folder'): FolderImport {
	const all = filesUnder(dir);
	const files = new Set(all);
	return importFolder(
		all.filter((p) => p.endsWith('.md')).map((path) => ({ path, markdown: readFileSync(join(dir, path), 'utf8') })),
		{ sourcePrefix: prefix, isFile: (p) => files.has(p) && !p.endsWith('.md'), paths: all },
	);
}

/** Every command block a runbook shows: step commands and the code blocks kept in notes. */
function commandsOf(runbook: { notes?: string[] | undefined; sections: Section[] }): { code: string; output?: string | undefined }[] {
	const out: { code: string; output?: string | undefined }[] = [];
	const notes = (list: string[] | undefined) =>
		list?.forEach((note) => noteParts(note).forEach((part) => 'command' in part && out.push(part.command)));
	const steps = (list: Step[] | undefined) =>
		list?.forEach((step) => {
			notes(step.notes);
			out.push(...(step.commands ?? []));
			step.alternatives?.forEach((alt) => (out.push(...(alt.commands ?? [])), steps(alt.steps)));
			steps(step.steps);
		});
	const sections = (list: Section[] | undefined) => list?.forEach((s) => (notes(s.notes), steps(s.steps), sections(s.sections)));
	notes(runbook.notes);
	sections(runbook.sections);
	return out;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

describe('the prometheus-operator runbooks (108 alert runbooks, as their team keeps them)', () => {
	const sources = filesUnder(CORPUS).filter((p) => p.endsWith('.md'));
	const indexes = sources.filter((p) => p.endsWith('_index.md'));
	const result = importDir(CORPUS, 'prometheus-operator-runbooks');
	const byPath = new Map(result.documents.map((d) => [d.path, d]));

	it('imports every document; the folder index files are not runbooks', () => {
		expect(indexes).toHaveLength(9);
		expect(result.documents.map((d) => d.path).sort()).toEqual(sources.filter((p) => !indexes.includes(p)).sort());
		expect(result.indexes.map((i) => i.path).sort()).toEqual(indexes.sort());
	});

	it('writes runbooks that pass the build’s own check with no hand edits (no version or review date needed)', () => {
		const failures = result.documents.flatMap((doc) => {
			const checked = validateRunbookSource(JSON.stringify(doc.result.runbook), `${doc.id}.yaml`);
			return checked.ok ? [] : checked.problems.map((p) => `${doc.path}: ${p.path}: ${p.message}`);
		});
		expect(failures).toEqual([]);
	});

	it('gives every document an id unique in the folder, made of its file name’s words', () => {
		const ids = result.documents.map((d) => d.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(byPath.get('etcd/etcdMembersDown.md')!.id).toBe('etcd-members-down');
		expect(byPath.get('kubernetes/KubeAPIDown.md')!.id).toBe('kube-api-down');
		expect(byPath.get('node/NodeRAIDDegraded.md')!.id).toBe('node-raid-degraded');
	});

	it('takes titles from front matter, else from the H1', () => {
		for (const doc of result.documents) {
			const source = readFileSync(join(CORPUS, doc.path), 'utf8');
			const fromMatter = /^---\n[\s\S]*?^title:\s*(.+?)\s*$[\s\S]*?^---$/m.exec(source)?.[1]?.replace(/^["']|["']$/g, '');
			const h1 = /^# (.+?)\s*$/m.exec(source.replace(/```[\s\S]*?```/g, ''))?.[1];
			expect(doc.result.runbook.title, doc.path).toBe(fromMatter ?? h1);
		}
	});

	it('takes each runbook’s system from its folder’s index file', () => {
		expect(byPath.get('etcd/etcdMembersDown.md')!.result.runbook.system).toBe('etcd');
		expect(byPath.get('kube-state-metrics/KubeStateMetricsListErrors.md')!.result.runbook.system).toBe('kube-state-metrics');
	});

	it('names the alerts of every document after its H1 and its file name where written like an alert', () => {
		let named = 0;
		for (const doc of result.documents) {
			const source = readFileSync(join(CORPUS, doc.path), 'utf8');
			const shaped = /^## Meaning/m.test(source) && /^## (Mitigation|Diagnosis|Impact)/m.test(source);
			// An alert's name: no spaces or hyphens, upper and lower case; camel case outside the shape.
			const alertLike = (name: string | undefined) =>
				name !== undefined &&
				/^[A-Za-z0-9_.:]+$/.test(name) &&
				/[a-z]/.test(name) &&
				/[A-Z]/.test(name) &&
				(shaped || /[a-z][A-Z]/.test(name));
			const h1 = /^# (\S+)\s*$/m.exec(source)?.[1];
			const stem = doc.path.split('/').pop()!.replace('.md', '');
			const expected = [...new Set([h1, stem].filter(alertLike))];
			expect(doc.result.runbook.alerts ?? [], doc.path).toEqual(expected);
			if (expected.length) named++;
		}
		expect(named).toBeGreaterThan(100);
		// A document with a heading copied from another runbook answers the alert of its file name too.
		expect(byPath.get('prometheus/PrometheusRemoteWriteBehind.md')!.result.runbook.alerts).toEqual([
			'PrometheusRemoteStorageFailures',
			'PrometheusRemoteWriteBehind',
		]);
		// A page that only points elsewhere still answers its alert.
		expect(byPath.get('node/NodeRAIDDiskFailure.md')!.result.runbook.alerts).toEqual(['NodeRAIDDiskFailure']);
	});

	it('keeps every fenced code block as a command block: each command line in a command, each printed line in its output', () => {
		let blocks = 0;
		for (const doc of result.documents) {
			const tree = parser.parse(readFileSync(join(CORPUS, doc.path), 'utf8')) as Root;
			const shown = commandsOf(doc.result.runbook)
				.map((c) => `${c.code}\n${c.output ?? ''}`)
				.join('\n')
				// Placeholders became variables: compare with them written as in the source.
				.replace(/\{\{\$(\w+)\}\}/g, '$$$1')
				.replace(/\{\{([A-Z][A-Z0-9_]*)\}\}/g, (_, name: string) => `<${name.toLowerCase().replace(/_/g, '-')}>`);
			visit(tree, 'code', (node: Code) => {
				if (!node.value.trim()) return;
				blocks++;
				for (const line of node.value
					.split('\n')
					.map((l) => l.replace(/^\s*\$ /, '').trim())
					.filter(Boolean)) {
					expect(shown.includes(line) || shown.includes(line.replace(/<my-/g, '<')), `${doc.path}: ${line}`).toBe(true);
				}
			});
		}
		expect(blocks).toBeGreaterThan(60);
	});

	it('rewrites every link between documents (Hugo ref shortcodes, anchors) to a page that exists', () => {
		const sourceLinks = sources.reduce(
			(n, p) => n + (readFileSync(join(CORPUS, p), 'utf8').match(/\]\(\{\{< ref "[^"]+" >\}\}\)|\]\(#[^)]+\)/g)?.length ?? 0),
			0,
		);
		expect(sourceLinks).toBe(8);
		expect(result.documents.reduce((n, d) => n + d.links, 0)).toBe(sourceLinks);
		const ids = new Set(result.documents.map((d) => d.id));
		for (const doc of result.documents) {
			const text = JSON.stringify(doc.result.runbook);
			expect(text, doc.path).not.toContain('{{<');
			for (const [, id] of text.matchAll(/\]\(\/runbooks\/([a-z0-9-]+)\//g)) expect(ids.has(id!), `${doc.path} -> ${id}`).toBe(true);
			expect(
				doc.result.warnings.filter((w) => w.startsWith('link')),
				doc.path,
			).toEqual([]);
		}
		// Within the page, to a heading's own id, by the page's path: the step is on its sign-off sheet too.
		expect(JSON.stringify(byPath.get('kubernetes/KubeAPIErrorBudgetBurn.md')!.result.runbook)).toContain(
			'](/runbooks/kube-api-error-budget-burn/#example-queries-for-slow-requests)',
		);
	});
});

describe('a team’s folder with links, images and a shared procedure', () => {
	const result = importDir(TEAM, 'team-runbooks');
	const doc = (path: string) => result.documents.find((d) => d.path === path)!;

	it('reads the README beside sub-folders and the _index files as folder indexes, not runbooks', () => {
		expect(result.documents.map((d) => d.path)).toEqual([
			'database/DatabaseReplicationLag.md',
			'payments/helpers/gather-logs.md',
			'payments/PaymentsHighErrorRate.md',
			'queue/queue-backlog.md',
		]);
		expect(result.indexes.map((i) => [i.path, i.title, i.summary])).toEqual([
			['README.md', 'Acme on-call runbooks', "Runbooks for the alerts that page the Acme platform team. Start from the alert's name."],
			['database/_index.md', 'Database', 'The primary PostgreSQL cluster and its replicas.'],
			['payments/_index.md', 'Payments API', 'Card payments for the web shop and the mobile app.'],
		]);
	});

	it('links a shared procedure, another runbook’s heading and an image to where they are in the site', () => {
		const text = JSON.stringify(doc('payments/PaymentsHighErrorRate.md').result.runbook);
		expect(text).toContain('[Gather logs](/runbooks/gather-logs/)');
		expect(text).toContain('[Database lag](/runbooks/database-replication-lag/#resolution)');
		expect(text).toContain('[dashboard](/runbook-files/team-runbooks/payments/images/dashboard.png)');
		expect(doc('payments/PaymentsHighErrorRate.md').files).toEqual(['payments/images/dashboard.png']);
		expect(doc('payments/helpers/gather-logs.md').result.runbook.system).toBe('Payments API');
	});

	it('keeps only the text of a link to a file of a kind the site never publishes (an SVG), and says so', () => {
		const dir = mkdtempSync(join(tmpdir(), 'runsheet-svg-'));
		temp.push(dir);
		writeFileSync(join(dir, 'diagram.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
		writeFileSync(join(dir, 'graph.png'), 'png');
		writeFileSync(join(dir, 'runners.md'), '# Runners\n\n## Overview\n\n![runner diagram](./diagram.svg) and ![graph](graph.png)\n');
		const [runners] = importDir(dir).documents;
		const text = JSON.stringify(runners!.result.runbook);
		expect(text).not.toContain('diagram.svg');
		expect(text).toContain('/runbook-files/folder/graph.png');
		expect(runners!.files).toEqual(['graph.png']);
		expect(runners!.result.warnings.join('\n')).toMatch(/diagram\.svg is of a kind the site does not publish/);
	});

	it('takes no system from a folder named for what holds documents (docs/, sop/, .github/): the next folder, else the title', () => {
		const sources = [
			{ path: 'docs/sop/observatorium.md', markdown: '# RHOBS Observatorium\n\n## Steps\n\n1. Page the team.\n' },
			{ path: 'docs/operator-manual/upgrade.md', markdown: '# Upgrade\n\n## Steps\n\n1. Read the notes.\n' },
			{ path: '.github/ISSUE_TEMPLATE/release.md', markdown: '# Acme Release vX.Y\n\n- [ ] Tag it.\n' },
		];
		const { documents } = importFolder(sources, { sourcePrefix: '', isFile: () => false });
		expect(Object.fromEntries(documents.map((d) => [d.path, d.result.runbook.system]))).toEqual({
			'docs/sop/observatorium.md': 'RHOBS Observatorium',
			'docs/operator-manual/upgrade.md': 'operator-manual',
			'.github/ISSUE_TEMPLATE/release.md': 'Acme vX.Y',
		});
	});

	it('keeps only the text of a link that leaves the folder, and says so', () => {
		const gather = doc('payments/helpers/gather-logs.md');
		expect(JSON.stringify(gather.result.runbook)).toContain('Check the old wiki.');
		expect(gather.result.warnings).toContain('link "../../../elsewhere/wiki.md": it leaves the imported folder; only its text is kept');
	});
});

describe('runbook ids across a folder', () => {
	it('tells apart documents with the same name by their folders, the same way whatever the order', () => {
		const docs = [
			{ path: 'node/helpers/gatherLogs.md' },
			{ path: 'etcd/helpers/gatherLogs.md' },
			{ path: 'etcd/etcdNoLeader.md' },
			{ path: 'x/y.md', pinned: 'my-pick' },
		];
		const ids = documentIds(docs);
		expect(Object.fromEntries(ids)).toEqual({
			'node/helpers/gatherLogs.md': 'node-helpers-gather-logs',
			'etcd/helpers/gatherLogs.md': 'etcd-helpers-gather-logs',
			'etcd/etcdNoLeader.md': 'etcd-no-leader',
			'x/y.md': 'my-pick',
		});
		expect(documentIds([...docs].reverse())).toEqual(ids);
	});
});

describe('npm run import -- <folder>', () => {
	const out = mkdtempSync(join(tmpdir(), 'runsheet-import-'));
	temp.push(out);
	const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });

	it('writes the tree with one runbook per document, copies index files and linked files, and prints a line per document and a total', () => {
		const result = run(TEAM, '--out-dir', out);
		expect(result.status, result.stderr).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines.filter((l) => / -> team-runbooks\//.test(l))).toHaveLength(4);
		expect(lines.find((l) => l.startsWith('import: 7 documents -> 4 runbooks'))).toBeDefined();
		expect(filesUnder(join(out, 'team-runbooks'))).toEqual([
			'README.md',
			'database/_index.md',
			'database/database-replication-lag.yaml',
			'payments/_index.md',
			'payments/helpers/gather-logs.yaml',
			'payments/images/dashboard.png',
			'payments/payments-high-error-rate.yaml',
			'queue/queue-backlog.yaml',
		]);
	});

	it('keeps every id when the folder is imported again after its documents were reworded', () => {
		const copy = mkdtempSync(join(tmpdir(), 'runsheet-team-'));
		temp.push(copy);
		cpSync(TEAM, join(copy, 'team-runbooks'), { recursive: true });
		const before = parse(readFileSync(join(out, 'team-runbooks/payments/payments-high-error-rate.yaml'), 'utf8'));
		const source = join(copy, 'team-runbooks/payments/PaymentsHighErrorRate.md');
		writeFileSync(
			source,
			readFileSync(source, 'utf8')
				.replace('Scale the deployment up.', 'Scale the payments deployment up.')
				.replace('Check which pods are failing:', 'Check which of the pods are failing:'),
		);
		expect(run(join(copy, 'team-runbooks'), '--out-dir', out).status).toBe(0);
		const after = parse(readFileSync(join(out, 'team-runbooks/payments/payments-high-error-rate.yaml'), 'utf8'));
		const ids = (runbook: { sections: Section[] }) => JSON.stringify(runbook.sections).match(/"id":"[a-z0-9-]+"/g);
		expect(ids(after)).toEqual(ids(before));
		expect(JSON.stringify(after)).toContain('Scale the payments deployment up.');
	});
});

describe('npm run import -- --pin', () => {
	it('writes {#id} after headings and steps, so that a reworded step keeps its id', () => {
		const dir = mkdtempSync(join(tmpdir(), 'runsheet-pin-'));
		temp.push(dir);
		const file = join(dir, 'DiskFull.md');
		writeFileSync(
			file,
			'# DiskFull\r\n\r\n## Meaning\r\n\r\nThe disk is full.\r\n\r\n## Mitigation\r\n\r\n1. Delete old logs\r\n2. See [{{< ref "other.md" >}}]\r\n\r\nRun this to find big files:\r\n\r\n```shell\r\n$ du -sh /var/log/*\r\n```\r\n',
		);
		const pinned = spawnSync(process.execPath, ['scripts/import.ts', '--pin', file], { encoding: 'utf8' });
		expect(pinned.status, pinned.stderr).toBe(0);
		const text = readFileSync(file, 'utf8');
		expect(text).toContain('## Mitigation {#mitigation}\r\n');
		expect(text).toContain('1. Delete old logs {#delete-old-logs}\r\n');
		expect(text).toContain('Run this to find big files: {#run-this-to-find-big-files}\r\n');
		// Written where the source had it: the Hugo shortcode and the line ends are untouched.
		expect(text).toContain('[{{< ref "other.md" >}}]');
		const reworded = text.replace('Delete old logs', 'Delete logs older than a week').replace('## Mitigation', '## What to do');
		const before = pinMarkdown(text);
		expect('pinned' in before && before.pinned).toBe(0);
		const again = pinMarkdown(reworded);
		expect('text' in again && again.text).toContain('Delete logs older than a week {#delete-old-logs}');
		expect(existsSync(file)).toBe(true);
	});
});
