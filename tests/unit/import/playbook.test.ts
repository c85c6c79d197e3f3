import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRunbookCollection, type CollectionEntry } from '../../../src/build/content/collection.ts';
import { filesUnder } from '../../../src/build/content/walk.ts';
import { isIndexPage } from '../../../src/import/folder-pages.ts';
import { importFolder } from '../../../src/import/index.ts';
import { readPlaybook } from '../../../src/import/playbook.ts';
import { walkSections, walkSteps } from '../../../src/model/outline.ts';
import type { Section } from '../../../src/schema/section.ts';

/** tests/fixtures/playbooks/SOURCE.md says what each file is. */
const PLAYBOOKS = 'tests/fixtures/playbooks';
const read = (path: string) => readFileSync(join(PLAYBOOKS, path), 'utf8');
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'runsheet-playbook-'));
	temp.push(dir);
	return dir;
};

const stepsOf = (sections: Section[]) => [...walkSections(sections)].flatMap((section) => [...walkSteps(section.steps)]);
const byId = (entries: CollectionEntry[], id: string) => {
	const entry = entries.find((e) => e.id === id);
	if (!entry) throw new Error(`no runbook ${id} among ${entries.map((e) => e.id).join(', ')}`);
	return entry;
};

describe('a playbook (a heading per alert) is read as one runbook per alert', () => {
	it('keeps a group heading over nothing but its alerts on the shared page, under its anchor, listing them', () => {
		const alert = (name: string) => [
			`## ${name}`,
			'',
			'### Impact',
			'',
			`${name} means trouble.`,
			'',
			'### Steps',
			'',
			'1. Restart it.',
			'',
		];
		const markdown = [
			'# Thanos alerts',
			'',
			'* [Thanos Compact](#thanos-compact)',
			'',
			'## Thanos Compact',
			'',
			...alert('ThanosCompactHalted'),
			...alert('ThanosCompactMultipleRunning'),
		].join('\n');
		const { documents } = importFolder([{ path: 'thanos.md', markdown }], { sourcePrefix: '', isFile: () => false });
		const shared = documents.find((d) => d.path === 'thanos.md')!;
		// The page draws a part it holds, under the anchor its heading had in the file.
		const group = [...walkSections(shared.result.runbook.sections)].find((section) => section.title === 'Thanos Compact');
		expect(group?.id).toBe(shared.result.anchors.get('thanos-compact'));
		expect(JSON.stringify(group)).toMatch(/ThanosCompactHalted.*ThanosCompactMultipleRunning/);
	});

	it('finds the alert headings under a parent "Alerts" heading, two of them over one body, and not a helper named in lower camel case', () => {
		const playbook = readPlaybook(read('storage/_index.md'))!;
		expect(playbook.alerts.map((a) => a.alerts)).toEqual([['StorageVolumeFillingUp'], ['StorageVolumeReadOnly', 'StorageVolumeDegraded']]);
		expect(playbook.alerts[1]!.anchors).toEqual(['storagevolumereadonly', 'storagevolumedegraded']);
		// Each alert's own body and nothing of the next one's.
		expect(playbook.alerts[0]!.markdown).toContain('du -sh /data/*');
		expect(playbook.alerts[0]!.markdown).not.toContain('storagectl');
		expect(playbook.alerts[1]!.markdown).toContain('storagectl node drain');
		// The helper stays on the shared page, with the introduction.
		expect(playbook.shared.markdown).toContain('### gatherLogs');
		expect(playbook.shared.markdown).toContain('Storage alerts fire from the volume exporters.');
		expect(playbook.shared.markdown).not.toContain('du -sh');
	});

	it('reads H1 groups of alerts with Meaning / Diagnosis / Mitigation or Impact / Summary / Steps, and gives each part the file’s link definitions', () => {
		const playbook = readPlaybook(read('queue-playbook.md'))!;
		expect(playbook.alerts.map((a) => a.alerts)).toEqual([['QueueBrokerDiskFull'], ['QueueConsumerLagHigh']]);
		expect(playbook.alerts[0]!.markdown).toContain('[dashboard]: https://grafana.example.com/d/queue');
		for (const part of ['# Broker alerts', '## Before you start', '# Escalation', 'Page the queue team'])
			expect(playbook.shared.markdown).toContain(part);
	});

	it('reads parts marked in bold (**Meaning**, **Mitigation:**) as exports from wikis write them, each alert with its own steps', async () => {
		const markdown = [
			'# Disk alerts',
			'',
			'### NodeDiskFillingUp',
			'',
			'**Meaning**',
			'',
			'The root disk fills up.',
			'',
			'**Mitigation:**',
			'',
			'1. Delete old journal files.',
			'',
			'### NodeDiskReadOnly',
			'',
			'**Meaning**',
			'',
			'The disk was remounted read-only.',
			'',
			'**Mitigation:**',
			'',
			'1. Drain the node.',
			'',
		].join('\n');
		expect(readPlaybook(markdown)?.alerts.map((a) => a.alerts)).toEqual([['NodeDiskFillingUp'], ['NodeDiskReadOnly']]);
		const { documents } = importFolder([{ path: 'disk.md', markdown }], { sourcePrefix: '', isFile: () => false });
		const steps = Object.fromEntries(documents.map((d) => [d.id, stepsOf(d.result.runbook.sections).map((s) => s.text)]));
		expect(steps['node-disk-filling-up']).toEqual(['Delete old journal files.']);
		expect(steps['node-disk-read-only']).toEqual(['Drain the node.']);
	});

	it('is not a playbook without alert-shaped parts: an API reference of type names, product names, helpers', () => {
		const reference = [
			'# API Reference',
			'',
			'## Types',
			'',
			'### BackupConfiguration',
			'',
			'| Field | Type |',
			'|---|---|',
			'| a | b |',
			'',
		];
		const types = [...reference, '### ClusterMonitoringSpec', '', '| Field | Type |', '|---|---|', '| c | d |', ''].join('\n');
		expect(readPlaybook(types)).toBeUndefined();
		expect(
			readPlaybook('# Tools\n\n## PostgreSQL\n\n### Diagnosis\n\nCheck it.\n\n## GitHub\n\n### Diagnosis\n\nCheck it.\n'),
		).toBeUndefined();
		expect(
			readPlaybook('# Helpers\n\n## accessToolbox\n\n### Steps\n\n1. Open it.\n\n## gatherLogs\n\n### Steps\n\n1. Run it.\n'),
		).toBeUndefined();
		// The same lower camel case names under a heading about alerts are alerts.
		const alerts = readPlaybook(
			'# Etcd\n\n## Alerts\n\n### etcdNoLeader\n\n#### Mitigation\n\nRestart it.\n\n### etcdMembersDown\n\n#### Mitigation\n\nRestart them.\n',
		);
		expect(alerts?.alerts.map((a) => a.alerts)).toEqual([['etcdNoLeader'], ['etcdMembersDown']]);
	});
});

describe('the playbook fixture folder, read as the build reads Markdown', async () => {
	const collection = await readRunbookCollection(PLAYBOOKS);

	it('has no problem, and one runbook per alert with its own steps, its alerts and an id made from the alert’s name', () => {
		expect(collection.problems).toEqual([]);
		const filling = byId(collection.entries, 'storage-volume-filling-up');
		expect(filling.data.alerts).toEqual(['StorageVolumeFillingUp']);
		expect(filling.data.title).toBe('StorageVolumeFillingUp');
		expect(filling.data.owners).toEqual(['storage-team']);
		const shared = byId(collection.entries, 'storage-volume-read-only');
		expect(shared.data.alerts).toEqual(['StorageVolumeReadOnly', 'StorageVolumeDegraded']);
		const lag = byId(collection.entries, 'queue-consumer-lag-high');
		expect(lag.data.alerts).toEqual(['QueueConsumerLagHigh']);
		expect(byId(collection.entries, 'queue-broker-disk-full').data.alerts).toEqual(['QueueBrokerDiskFull']);
		// Their own steps: the first of each is the first thing its source asks.
		expect(stepsOf(filling.data.sections)[0]!.text).toMatch(/^Find the volume and its pod/);
		expect(stepsOf(lag.data.sections)[0]!.text).toMatch(/^Find the group that lags/);
		expect(
			stepsOf(shared.data.sections)
				.map((s) => s.text)
				.join(' '),
		).not.toMatch(/du -sh|Find the volume/);
		// No alert anywhere for the helper, the folder pages or the shared pages.
		const alerts = collection.entries.flatMap((e) => e.data.alerts ?? []);
		expect(alerts.sort()).toEqual([
			'QueueBrokerDiskFull',
			'QueueConsumerLagHigh',
			'StorageVolumeDegraded',
			'StorageVolumeFillingUp',
			'StorageVolumeReadOnly',
		]);
	});

	it('keeps the file’s shared parts as a page where each alert heading keeps its anchor and links to the alert’s runbook', () => {
		const storage = byId(collection.entries, 'storage');
		const sections = [...walkSections(storage.data.sections)];
		const degraded = sections.find((s) => s.id === 'storagevolumedegraded')!;
		expect(degraded.description).toContain('(/runbooks/storage-volume-read-only/)');
		expect(sections.find((s) => s.id === 'gatherlogs')?.title).toBe('gatherLogs');
		const queue = byId(collection.entries, 'queue-playbook');
		expect([...walkSections(queue.data.sections)].map((s) => s.title)).toEqual(
			expect.arrayContaining(['Before you start', 'Broker alerts', 'QueueBrokerDiskFull', 'Escalation']),
		);
	});

	it('sends links into the playbook by an alert heading’s anchor to that alert’s runbook', () => {
		const onCall = stepsOf(byId(collection.entries, 'on-call').data.sections).map((s) => s.text);
		expect(onCall).toContain('For a lagging consumer, follow [its playbook section](/runbooks/queue-consumer-lag-high/).');
		expect(onCall).toContain('For a full broker disk, follow [the broker section](/runbooks/queue-broker-disk-full/).');
		expect(onCall).toContain('For a filling volume, follow [the storage playbook](/runbooks/storage-volume-filling-up/).');
	});

	it('makes a folder index with more than a title and a summary a page, named for its folder; one with only those stays an index', () => {
		const handbook = byId(collection.entries, 'handbook');
		expect(handbook.data.title).toBe('Keys handbook');
		expect(handbook.data.alerts).toBeUndefined();
		expect(JSON.stringify(handbook.data)).toContain('Only the release role reads them');
		expect(collection.entries.some((e) => e.path === 'small/_index.md')).toBe(false);
		const indexes = Object.fromEntries(collection.folders.map((f) => [f.path, f]));
		expect(indexes['handbook/README.md']).toMatchObject({ title: 'Keys handbook', page: 'handbook' });
		expect(indexes['storage/_index.md']).toMatchObject({ title: 'Storage', page: 'storage' });
		expect(indexes['small/_index.md']).toEqual({
			dir: 'small',
			path: 'small/_index.md',
			title: 'Caches',
			summary: 'The read-through caches in front of the databases.',
		});
		expect(isIndexPage(read('small/_index.md'))).toBe(false);
		expect(isIndexPage('---\ntitle: node\nweight: 10\n---\n')).toBe(false);
		expect(isIndexPage(read('handbook/README.md'))).toBe(true);
	});
});

describe('ids of a playbook’s alerts', () => {
	const importMarkdown = (markdown: string) =>
		importFolder([{ path: 'ops/queue-playbook.md', markdown }], { sourcePrefix: 'team', isFile: () => false }).documents.map((d) => [
			d.result.runbook.alerts?.join(',') ?? '',
			d.id,
		]);

	it('come from the alerts’ names, never their position: an alert added above the others changes no other id', () => {
		const before = importMarkdown(read('queue-playbook.md'));
		const added = read('queue-playbook.md').replace(
			'## QueueBrokerDiskFull',
			'## QueueBrokerOffline\n\n### Meaning\n\nA broker left the cluster.\n\n### Mitigation\n\n1. Restart the broker.\n\n## QueueBrokerDiskFull',
		);
		const after = importMarkdown(added);
		for (const entry of before) expect(after).toContainEqual(entry);
		expect(after).toContainEqual(['QueueBrokerOffline', 'queue-broker-offline']);
	});

	it('are kept, with their steps’ ids, when the folder is imported again with the CLI', () => {
		const out = tempDir();
		const run = () => spawnSync(process.execPath, ['scripts/import.ts', PLAYBOOKS, '--out-dir', out], { encoding: 'utf8' });
		expect(run().status).toBe(0);
		const file = join(out, 'playbooks/queue-consumer-lag-high.yaml');
		// A step's id changed by hand (as a team may pin one): a re-import keeps it.
		writeFileSync(file, readFileSync(file, 'utf8').replace('id: find-the-group-that-lags', 'id: find-lagging-group'));
		const again = run();
		expect(again.status, again.stderr).toBe(0);
		expect(readFileSync(file, 'utf8')).toContain('id: find-lagging-group');
		expect(readFileSync(file, 'utf8')).toContain('source: playbooks/queue-playbook.md#QueueConsumerLagHigh');
	});
});

describe('the CLI import and the build’s Markdown read', () => {
	it('give the same runbooks, ids and alerts; the CLI keeps an index that became a page as its title and summary alone', async () => {
		const out = tempDir();
		const run = spawnSync(process.execPath, ['scripts/import.ts', PLAYBOOKS, '--out-dir', out], { encoding: 'utf8' });
		expect(run.status, run.stderr).toBe(0);
		const imported = await readRunbookCollection(out);
		expect(imported.problems).toEqual([]);
		const built = await readRunbookCollection(PLAYBOOKS);
		const summary = (entries: CollectionEntry[]) =>
			entries
				.map((e) => ({ id: e.id, alerts: e.data.alerts ?? [], title: e.data.title, steps: stepsOf(e.data.sections).length }))
				.sort((a, b) => a.id.localeCompare(b.id));
		expect(summary(imported.entries)).toEqual(summary(built.entries));
		expect(readFileSync(join(out, 'playbooks/handbook/README.md'), 'utf8')).not.toContain('Where the keys live');
		expect(
			filesUnder(join(out, 'playbooks'))
				.filter((p) => p.endsWith('.md'))
				.sort(),
		).toEqual(['handbook/README.md', 'small/_index.md', 'storage/_index.md']);
	});

	it('lets `npm run alerts` find each playbook alert', () => {
		const out = tempDir();
		expect(spawnSync(process.execPath, ['scripts/import.ts', PLAYBOOKS, '--out-dir', out], { encoding: 'utf8' }).status).toBe(0);
		const rules = join(tempDir(), 'queue.rules.yml');
		const rule = (name: string) => `      - alert: ${name}\n        expr: vector(1)\n`;
		writeFileSync(
			rules,
			`groups:\n  - name: queue\n    rules:\n${['QueueConsumerLagHigh', 'StorageVolumeDegraded', 'gatherLogs'].map(rule).join('')}`,
		);
		const run = spawnSync(
			process.execPath,
			['scripts/alerts.ts', rules, '--content', out, '--base', 'https://runbooks.example.com', '--format', 'json'],
			{
				encoding: 'utf8',
			},
		);
		const report = JSON.parse(run.stdout) as { alerts: { name: string; outcome: string; url?: string }[] };
		const outcome = Object.fromEntries(report.alerts.map((a) => [a.name, a.outcome]));
		expect(outcome).toEqual({ QueueConsumerLagHigh: 'found', StorageVolumeDegraded: 'found', gatherLogs: 'missing' });
	});
});

describe('a playbook’s alerts in the catalog', () => {
	it('are of the system of the file’s shared page, not "Alerts"', async () => {
		const { entries } = await readRunbookCollection(PLAYBOOKS);
		expect(byId(entries, 'queue-playbook').data.system).toBe('Queue playbook');
		expect(byId(entries, 'queue-consumer-lag-high').data.system).toBe('Queue playbook');
		expect(byId(entries, 'storage-volume-read-only').data.system).toBe('Storage');
	});
});

describe('a playbook alert in the collection', () => {
	it('carries its own part of the file as its source, with the file’s line numbers', async () => {
		const { entries } = await readRunbookCollection(PLAYBOOKS);
		const lag = byId(entries, 'queue-consumer-lag-high');
		const file = read('queue-playbook.md');
		expect(lag.file).toBe('tests/fixtures/playbooks/queue-playbook.md#QueueConsumerLagHigh');
		expect(lag.source).toContain('A consumer group is more than 10,000 messages behind.');
		expect(lag.source).not.toContain('A broker');
		const line = (text: string, what: string) => text.split('\n').findIndex((l) => l.includes(what));
		expect(line(lag.source, 'queuectl groups --lagging')).toBe(line(file, 'queuectl groups --lagging'));
	});
});
