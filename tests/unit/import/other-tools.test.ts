import { describe, expect, it } from 'vitest';
import { importChecklist, importFolder } from '../../../src/import/index.ts';
import type { Section } from '../../../src/schema/section.ts';
import type { Step } from '../../../src/schema/step.ts';
import { runbookSchema } from '../../../src/schema/runbook.ts';
import { sectionById as find, stepTexts as texts } from '../../support/sections.ts';

/**
 * Runbooks written for other tools' Markdown: MkDocs admonitions, GitHub and Obsidian callouts,
 * headings with emoji or a qualifier, numbered procedures with their commands, "Step 1:" headings.
 * Each written here, in the shape those tools document.
 */
const md = (lines: string[]) => lines.join('\n');
const allCode = (sections: Section[]): string[] =>
	sections.flatMap((s) => [
		...(s.steps ?? []).flatMap(function code(step: Step): string[] {
			return [...(step.commands ?? []).map((c) => c.code), ...(step.steps ?? []).flatMap(code)];
		}),
		...allCode(s.sections ?? []),
	]);

describe('MkDocs admonitions', () => {
	const source = md([
		'# Expand a volume',
		'',
		'## Procedure',
		'',
		'1. Snapshot the volume.',
		'2. Resize it.',
		'',
		'!!! danger "Before expanding"',
		'    Take a snapshot first:',
		'',
		'        aws ec2 create-snapshot --volume-id vol-0abc',
		'',
		'    It cannot be shrunk afterwards.',
		'',
		'3. Grow the filesystem.',
		'',
		'???+ note',
		'    Takes about a minute.',
		'',
		'## How the source wrote it',
		'',
		'```markdown',
		'!!! warning "Shown as written"',
		'    inside a code block',
		'```',
	]);
	const { runbook } = importChecklist(source);
	const notes = JSON.stringify(runbook);

	it('become callout quotes with their title, their indented body as Markdown', () => {
		expect(notes).toContain(
			'> [!danger] Before expanding\\n> Take a snapshot first:\\n>\\n>     aws ec2 create-snapshot --volume-id vol-0abc\\n>\\n> It cannot be shrunk afterwards.',
		);
		expect(notes).toContain('> [!note]\\n> Takes about a minute.');
	});
	it('are never a step or a command to copy, and the steps around them stay steps', () => {
		const procedure = find(runbook.sections, 'procedure');
		expect(texts(procedure.steps)).toEqual(['Snapshot the volume.', 'Resize it.', 'Grow the filesystem.']);
		expect(allCode(runbook.sections).join('\n')).not.toContain('create-snapshot');
		expect(JSON.stringify(procedure.steps)).not.toMatch(/danger|snapshot first|minute/);
		// A checklist needs a version and a review date, which this source does not give.
		expect(runbookSchema.safeParse({ ...runbook, version: '1.0.0', lastReviewed: '2026-11-01' }).success).toBe(true);
	});
	it('stay as written inside a code block', () => {
		expect(notes).toContain('!!! warning \\"Shown as written\\"');
	});
});

describe('headings with an emoji or a qualifier', () => {
	const { runbook, summary } = importChecklist(
		md([
			'# DiskAlmostFull',
			'',
			'## 🔥 Meaning',
			'',
			'The disk of a storage node is almost full.',
			'',
			'## Possible checks',
			'',
			'Check the usage: `df -h /var/lib/storage`',
			'',
			'## ⚠️ Immediate actions',
			'',
			'- Rotate the logs: `sudo logrotate -f /etc/logrotate.conf`',
			'- Tell #storage you are on it',
		]),
	);
	it('are read by their words: Meaning is prose, the checks a diagnosis, the actions a mitigation', () => {
		expect(summary.response).toBe(true);
		expect(runbook.sections.map((s) => [s.title, s.kind])).toEqual([
			['🔥 Meaning', 'overview'],
			['Possible checks', 'diagnosis'],
			['⚠️ Immediate actions', 'mitigation'],
		]);
		expect(find(runbook.sections, 'possible-checks').steps![0]!.commands).toEqual([{ lang: 'bash', code: 'df -h /var/lib/storage' }]);
		expect(texts(find(runbook.sections, 'immediate-actions').steps)).toHaveLength(2);
	});
});

describe('a numbered procedure with its commands, under any heading', () => {
	const { runbook } = importChecklist(
		md([
			'# Rotate the TLS certificate',
			'',
			'## Renewal',
			'',
			'1. Log in to the bastion:',
			'   ```bash',
			'   ssh ops@bastion',
			'   ```',
			'2. Renew the certificate:',
			'',
			'   ~~~console',
			'   $ sudo certbot renew --cert-name api.example.com',
			'   Congratulations, all renewals succeeded',
			'   ~~~',
			'   It should print `Congratulations, all renewals succeeded`.',
			'3. Tell the team.',
			'',
			'## Background',
			'',
			'1. Certificates last 90 days.',
			'2. Renewal is automatic, except on the old bastion.',
		]),
	);
	it('is steps with their commands, the colon that introduced each block dropped', () => {
		const renewal = find(runbook.sections, 'renewal');
		expect(texts(renewal.steps)).toEqual(['Log in to the bastion', 'Renew the certificate', 'Tell the team.']);
		expect(renewal.steps![0]!.commands).toEqual([{ lang: 'bash', code: 'ssh ops@bastion' }]);
		// A transcript: the command without its prompt, what it printed apart, and what confirms it.
		expect(renewal.steps![1]!.commands).toEqual([
			{ lang: 'bash', code: 'sudo certbot renew --cert-name api.example.com', output: 'Congratulations, all renewals succeeded' },
		]);
		expect(renewal.steps![1]!.expect).toBe('`Congratulations, all renewals succeeded`');
	});
	it('while a numbered list without commands in a plain section stays prose', () => {
		const background = find(runbook.sections, 'background');
		expect(background.steps).toBeUndefined();
		expect(background.notes?.join('\n')).toContain('Certificates last 90 days.');
	});
});

describe('"Step 1:" headings', () => {
	const source = md([
		'# Expand a volume',
		'',
		'## Step 1: Snapshot',
		'',
		'Run `aws ec2 create-snapshot --volume-id vol-0abc`.',
		'',
		'## Step 2 - Resize',
		'',
		'```sh',
		'aws ec2 modify-volume --volume-id vol-0abc --size 200',
		'```',
		'',
		'Wait until the state is `optimizing`.',
		'',
		'## Step 3',
		'',
		'Grow the filesystem.',
		'',
		'## Rollback',
		'',
		'1. Create a volume from the snapshot.',
		'',
		'See [step 2](#step-2---resize).',
	]);
	const { runbook, anchors } = importChecklist(source);

	it('are steps: their paragraphs details, their code blocks and inline commands ready to copy', () => {
		expect(runbook.sections.map((s) => [s.title, s.kind])).toEqual([
			['Steps', 'procedure'],
			['Rollback', 'rollback'],
		]);
		const [snapshot, resize, third] = find(runbook.sections, 'steps').steps!;
		expect(snapshot).toMatchObject({
			id: 'snapshot',
			text: 'Snapshot',
			commands: [{ lang: 'bash', code: 'aws ec2 create-snapshot --volume-id vol-0abc' }],
		});
		expect(resize).toMatchObject({
			id: 'resize',
			text: 'Resize',
			commands: [{ lang: 'sh', code: 'aws ec2 modify-volume --volume-id vol-0abc --size 200' }],
			details: ['Wait until the state is `optimizing`.'],
		});
		expect(third).toMatchObject({ text: 'Step 3', details: ['Grow the filesystem.'] });
	});
	it('keep the anchors the source had: a link to a step heading arrives at the step', () => {
		expect(anchors.get('step-2---resize')).toBe('resize');
		expect(anchors.get('step-1-snapshot')).toBe('snapshot');
	});
	it('end at the next heading that is not one: Rollback is a section of its own', () => {
		expect(texts(find(runbook.sections, 'rollback').steps)).toEqual(['Create a volume from the snapshot.']);
	});
	it('under a section heading, are steps of that section', () => {
		const nested = importChecklist(
			md(['# Failover', '', '## Mitigation', '', '### Step 1: Drain', '', '```bash', 'kubectl drain node-1', '```']),
		);
		const mitigation = find(nested.runbook.sections, 'mitigation');
		expect(texts(mitigation.steps)).toEqual(['Drain']);
		expect(mitigation.steps![0]!.commands![0]!.code).toBe('kubectl drain node-1');
	});
});

describe('a procedure written as a table', () => {
	const { runbook } = importChecklist(
		md([
			'# Certificate rotation',
			'',
			'## Procedure',
			'',
			'| # | Action | Command | Expected | Owner |',
			'|---|--------|---------|----------|-------|',
			'| 1 | Check the expiry date | `openssl x509 -enddate -noout -in /etc/tls/api.pem` | a date within 30 days | SRE |',
			'| 2 | Renew | sudo certbot renew --cert-name api | `Congratulations` | - |',
			'| 3 | Tell #platform | n/a | - | IC |',
			'',
			'## Rollback',
			'',
			'| Step | Action |',
			'|------|--------|',
			'| 1 | Restore the old certificate: `cp /etc/tls/backup/api.pem /etc/tls/api.pem` |',
			'| 2 | Reload nginx |',
			'',
			'## Dashboards',
			'',
			'| Dashboard | Link |',
			'|-----------|------|',
			'| TLS | https://grafana.example.com/d/tls |',
		]),
	);
	it('is a step per row: the action its text, the command column its commands, the expected column what confirms it', () => {
		const [check, renew, tell] = find(runbook.sections, 'procedure').steps!;
		expect(check).toEqual({
			id: 'check-the-expiry-date',
			text: 'Check the expiry date',
			commands: [{ lang: 'bash', code: 'openssl x509 -enddate -noout -in /etc/tls/api.pem' }],
			expect: 'a date within 30 days',
			details: ['Owner: SRE'],
		});
		// A command written without backticks is the cell's text; "-" and "n/a" say nothing.
		expect(renew).toEqual({
			id: 'renew',
			text: 'Renew',
			commands: [{ lang: 'bash', code: 'sudo certbot renew --cert-name api' }],
			expect: '`Congratulations`',
		});
		expect(tell).toEqual({ id: 'tell-platform', text: 'Tell #platform', details: ['Owner: IC'] });
	});
	it('reads a numbered "Step" column as the order, and a command in the action as one to copy', () => {
		const rollback = find(runbook.sections, 'rollback');
		expect(texts(rollback.steps)).toEqual(['Restore the old certificate: `cp /etc/tls/backup/api.pem /etc/tls/api.pem`', 'Reload nginx']);
		expect(rollback.steps![0]!.commands).toEqual([{ lang: 'bash', code: 'cp /etc/tls/backup/api.pem /etc/tls/api.pem' }]);
	});
	it('leaves a table without an action column a table', () => {
		const dashboards = find(runbook.sections, 'dashboards');
		expect(dashboards.steps).toBeUndefined();
		expect(JSON.stringify(dashboards)).toContain('| TLS | https://grafana.example.com/d/tls |');
	});
});

describe('parts marked in bold instead of headings (Confluence and Google Docs exports)', () => {
	const source = md([
		'# Redis memory high',
		'',
		'**Summary:** Redis used memory is above 90 % of maxmemory.',
		'',
		'**Diagnosis**',
		'',
		'1) Connect: `redis-cli -h redis-prod-1 info memory`',
		'2) Find the biggest keys: `redis-cli --bigkeys`',
		'',
		'**Mitigation:**',
		'',
		'1) Flush the session cache: `redis-cli -n 2 FLUSHDB`',
		'2) Scale the instance up in the console.',
	]);
	const { runbook, summary } = importChecklist(source);
	it('are read as the parts they name, with their steps and commands', () => {
		expect(summary.response).toBe(true);
		expect(runbook.summary).toBe('Redis used memory is above 90 % of maxmemory.');
		expect(runbook.sections.map((s) => [s.title, s.kind])).toEqual([
			['Diagnosis', 'diagnosis'],
			['Mitigation', 'mitigation'],
		]);
		expect(find(runbook.sections, 'mitigation').steps!.map((s) => s.commands?.[0]?.code)).toEqual(['redis-cli -n 2 FLUSHDB', undefined]);
	});
	it('only when the document has no headings under its title, and only words that name a part', () => {
		const withHeadings = importChecklist(md(['# Deploy', '', '## Procedure', '', '**Rollback**', '', '1. Revert the release.']));
		expect(withHeadings.runbook.sections.map((s) => s.title)).toEqual(['Procedure']);
		const anyBold = importChecklist(md(['# Notes', '', '**Why this happens**', '', 'Compaction lags behind.']));
		expect(anyBold.runbook.sections.map((s) => s.title)).toEqual(['What to do']);
	});
});

describe('wiki links (Obsidian, Foam, wikis)', () => {
	const consumerLag = md([
		'# Kafka consumer lag',
		'',
		'## Diagnosis',
		'',
		'See [[kafka-broker-down]] when a broker is missing, [[kafka-broker-down#Restart the broker|its restart]] to act.',
		'',
		'![[lag-dashboard.png]]',
		'',
		'Written `[[as code]]`, a wiki link stays as written.',
	]);
	const brokerDown = md(['# Kafka broker down', '', '## Restart the broker', '', '1. Delete the pod.']);
	const { documents } = importFolder(
		[
			{ path: 'kafka/consumer-lag.md', markdown: consumerLag },
			{ path: 'brokers/kafka-broker-down.md', markdown: brokerDown },
		],
		{ sourcePrefix: '', isFile: (p) => p === 'kafka/lag-dashboard.png' },
	);
	const notes = JSON.stringify(documents.find((d) => d.path === 'kafka/consumer-lag.md')!.result.runbook);

	it('arrive at the document of that name anywhere in the folder, and at its heading', () => {
		expect(notes).toContain('See [kafka-broker-down](</runbooks/kafka-broker-down/>) when a broker is missing');
		expect(notes).toContain('[its restart](</runbooks/kafka-broker-down/#restart-the-broker>)');
	});
	it('embed images beside the document, and stay as written in code', () => {
		expect(notes).toContain('![lag-dashboard.png](</runbook-files/kafka/lag-dashboard.png>)');
		expect(notes).toContain('`[[as code]]`');
	});
	it('never stop the import at an address that cannot be decoded (a bare "100%.md")', () => {
		const odd = importFolder([{ path: 'a.md', markdown: md(['# A', '', '## Steps', '', '1. See [the 100% guide](100%.md).']) }], {
			sourcePrefix: '',
			isFile: () => false,
		});
		expect(odd.documents[0]!.result.warnings).toContain('link "100%.md": 100%.md is not in the folder; only its text is kept');
	});
	it('to a name two documents share, or none, keep only their text, said in a warning', () => {
		const twice = importFolder(
			[
				{ path: 'a/runbook.md', markdown: md(['# One', '', '## Steps', '', '1. See [[gather-logs]].']) },
				{ path: 'a/gather-logs.md', markdown: '# Gather logs A' },
				{ path: 'b/gather-logs.md', markdown: '# Gather logs B' },
				{ path: 'c/other.md', markdown: md(['# Other', '', '## Steps', '', '1. See [[gather-logs]] and [[nowhere]].']) },
			],
			{ sourcePrefix: '', isFile: () => false },
		);
		// Beside the document, the name is the document next to it; from elsewhere two share it.
		const one = twice.documents.find((d) => d.path === 'a/runbook.md')!.result;
		expect(JSON.stringify(one.runbook)).toContain('](</runbooks/a-gather-logs/>)');
		const other = twice.documents.find((d) => d.path === 'c/other.md')!.result;
		expect(JSON.stringify(other.runbook)).toContain('See gather-logs and nowhere.');
		expect(other.warnings.filter((w) => w.startsWith('link'))).toHaveLength(2);
	});
});

describe('more names for the parts of a runbook', () => {
	const { runbook, summary } = importChecklist(
		md([
			'# Queue consumers stalled',
			'',
			'## Possible causes',
			'',
			'- the broker is down',
			'- a poison message blocks the partition',
			'',
			'## How to resolve',
			'',
			'- Restart the consumers: `kubectl -n orders rollout restart deploy/consumer`',
			'',
			'## Verify the fix',
			'',
			'- Check the lag falls: `kubectl -n orders logs deploy/consumer --tail=20`',
			'- Confirm the alert resolved in Alertmanager.',
			'',
			'## Backout plan',
			'',
			'1. Scale the consumers back to 3.',
			'',
			'## References',
			'',
			'- [Consumer dashboard](https://grafana.example.com/d/consumers)',
		]),
	);
	it('reads each by its usual names', () => {
		expect(summary.response).toBe(true);
		expect(runbook.sections.map((s) => s.kind)).toEqual(['diagnosis', 'mitigation', 'verification', 'rollback', 'reference']);
	});
	it('keeps possibilities prose and makes the checks after the fix steps, with their commands', () => {
		expect(find(runbook.sections, 'possible-causes').steps).toBeUndefined();
		const verify = find(runbook.sections, 'verify-the-fix');
		expect(texts(verify.steps)).toHaveLength(2);
		expect(verify.steps![0]!.commands![0]!.code).toBe('kubectl -n orders logs deploy/consumer --tail=20');
		expect(texts(find(runbook.sections, 'backout-plan').steps)).toEqual(['Scale the consumers back to 3.']);
	});
});

describe('numbered steps as headings or bold labels, under a Mitigation', () => {
	const { runbook } = importChecklist(
		md([
			'# NodeNotReady',
			'',
			'## Mitigation',
			'',
			'### 1. Cordon the node',
			'',
			'```bash',
			'kubectl cordon node-1',
			'```',
			'',
			'### 2. Drain it',
			'',
			'```bash',
			'kubectl drain node-1 --ignore-daemonsets',
			'```',
			'',
			'**Step 3:** Reboot the node from the cloud console.',
			'',
			'**Step 4:** Uncordon it: `kubectl uncordon node-1`',
		]),
	);
	it('are steps in order, each with its command', () => {
		const mitigation = find(runbook.sections, 'mitigation');
		expect(mitigation.sections).toBeUndefined();
		expect(texts(mitigation.steps)).toEqual([
			'Cordon the node',
			'Drain it',
			'Reboot the node from the cloud console.',
			'Uncordon it: `kubectl uncordon node-1`',
		]);
		expect(mitigation.steps!.map((s) => s.commands?.[0]?.code)).toEqual([
			'kubectl cordon node-1',
			'kubectl drain node-1 --ignore-daemonsets',
			undefined,
			'kubectl uncordon node-1',
		]);
	});
	it('while numbered headings under a checklist heading stay groups of checkboxes', () => {
		const checklist = importChecklist(
			md(['# Release', '', '## Deployment Steps', '', '### 1. Server Setup', '', '- [ ] Provision servers']),
		);
		expect(find(checklist.runbook.sections, 'server-setup').steps!.map((s) => s.text)).toEqual(['Provision servers']);
	});
});
