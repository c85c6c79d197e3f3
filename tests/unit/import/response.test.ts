import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importChecklist } from '../../../src/import/index.ts';
import { asksForAction, hasResponseShape, isInstruction } from '../../../src/import/response.ts';
import { readFrontMatter, parseFrontMatter } from '../../../src/import/front-matter.ts';
import { runbookSchema } from '../../../src/schema/runbook.ts';
import { sectionById as section, stepTexts as texts } from '../../support/sections.ts';
import { SOURCE_CHECKLISTS } from '../../support/fixtures.ts';

/**
 * Alert runbooks as teams keep them, one shape each, written for these tests
 * (tests/fixtures/team-runbooks): what each part of the document becomes.
 */
const FIXTURES = 'tests/fixtures/team-runbooks';
const read = (path: string) => readFileSync(`${FIXTURES}/${path}`, 'utf8');

describe('Meaning / Impact / Diagnosis / Mitigation, YAML front matter', () => {
	const { runbook, warnings } = importChecklist(read('payments/PaymentsHighErrorRate.md'), {
		sourceName: 'payments/PaymentsHighErrorRate.md',
	});

	it('reads the front matter: title, description, owner, tags, lastmod, weight, aliases', () => {
		expect(runbook).toMatchObject({
			title: 'Payments API error rate high',
			summary: 'More than 5% of payment requests fail.',
			owners: ['@payments-oncall'],
			tags: ['payments', 'http'],
			lastReviewed: '2026-10-02',
			order: 10,
			aliases: ['/payments/errors/'],
			kind: 'response',
		});
		expect(runbook.version).toBeUndefined();
		expect(warnings.join('\n')).not.toMatch(/front matter.*not read/);
	});

	it('names the alert after its H1 and keeps the H1 out of the sections', () => {
		expect(runbook.alerts).toEqual(['PaymentsHighErrorRate']);
		expect(runbook.sections.map((s) => [s.title, s.kind])).toEqual([
			['Meaning', 'overview'],
			['Impact', 'impact'],
			['Diagnosis', 'diagnosis'],
			['Mitigation', 'mitigation'],
		]);
	});

	it('keeps Meaning and Impact as prose, a disclosure read as its title in bold', () => {
		const meaning = section(runbook.sections, 'meaning');
		expect(meaning.steps).toBeUndefined();
		expect(meaning.notes).toContain('**How it is computed**');
		expect(meaning.notes!.join('\n')).not.toMatch(/<\/?(details|summary)/);
		expect(section(runbook.sections, 'impact').steps).toBeUndefined();
	});

	it('makes a paragraph that introduces a command one step with it, without the prompt, with what it printed', () => {
		const [first] = section(runbook.sections, 'diagnosis').steps!;
		expect(first!.text).toBe('Check which pods are failing');
		expect(first!.commands).toEqual([
			{
				lang: 'shell',
				code: 'kubectl -n {{$NAMESPACE}} get pods -l app=payments',
				output:
					'NAME                        READY   STATUS             RESTARTS\npayments-7d9f8b-abcde       0/1     CrashLoopBackOff   12',
			},
		]);
	});

	it('makes bullets that ask for something steps, with their inline commands as command blocks; bullets of possibilities stay prose', () => {
		const steps = section(runbook.sections, 'diagnosis').steps!;
		expect(texts(steps)).toEqual([
			'Check which pods are failing',
			'Check the logs via `kubectl -n {{$NAMESPACE}} logs {{$POD}} --since=15m`.',
			'Check recent deploys via `helm history payments -n {{$NAMESPACE}}`.',
			'List the pods with their nodes',
			'Follow [Gather logs](helpers/gather-logs.md) to collect what the processor team needs.',
		]);
		expect(steps[1]!.commands).toEqual([{ lang: 'bash', code: 'kubectl -n {{$NAMESPACE}} logs {{$POD}} --since=15m' }]);
		// "Possible causes:" and its list explain the step before them: they stay under it, in order.
		expect(steps[2]!.notes).toEqual(['Possible causes:', '- the card processor is slow\n- a bad deploy']);
	});

	it('leaves Go templates in commands as written, while <namespace> becomes a variable', () => {
		const steps = section(runbook.sections, 'diagnosis').steps!;
		expect(steps[3]!.commands![0]!.code).toBe(
			`kubectl get pods -n {{NAMESPACE}} -o go-template='{{range .items}}{{.metadata.name}} {{.spec.nodeName}}{{"\\n"}}{{end}}'`,
		);
	});

	it('proposes $NAMESPACE, ${POD} and <namespace> as variables; a name used only as a shell variable keeps the shell’s meaning', () => {
		expect(runbook.variables?.map((v) => v.name)).toEqual(['NAMESPACE', 'POD']);
		expect(JSON.stringify(runbook)).not.toMatch(/\$NAMESPACE(?!\}\})|\$\{POD\}/);
	});

	it('makes numbered items steps, keeps a pinned id and the command under the item', () => {
		const steps = section(runbook.sections, 'mitigation').steps!;
		expect(steps.map((s) => s.id)).toEqual([
			'roll-back-release',
			'if-the-processor-is-down-switch-to-the-backup-processor-see',
			'scale-the-deployment-up',
			'then-check-that-the-error-rate-is-back-under-1',
		]);
		expect(steps[0]!.text).toBe('Roll back the last release');
		expect(steps[0]!.commands).toEqual([{ lang: 'shell', code: 'helm rollback payments -n {{$NAMESPACE}}' }]);
	});

	it('passes the schema without a version or review date written by hand', () => {
		expect(runbookSchema.safeParse(runbook).success).toBe(true);
	});
});

describe('Symptoms / Investigation / Resolution / Escalation, TOML front matter', () => {
	const { runbook } = importChecklist(read('database/DatabaseReplicationLag.md'), { sourceName: 'database/DatabaseReplicationLag.md' });

	it('reads TOML: title, owners, date, review_in, alerts', () => {
		expect(runbook).toMatchObject({
			title: 'Database replication lag',
			owners: ['dba-team', 'platform-oncall'],
			lastReviewed: '2026-09-15',
			reviewEveryDays: 180,
			alerts: ['DatabaseReplicationLag', 'DatabaseReplicaDown'],
		});
	});

	it('reads the parts for what they are; each line of a paragraph of instructions is a step', () => {
		expect(runbook.sections.map((s) => s.kind)).toEqual(['overview', 'diagnosis', 'mitigation', 'escalation']);
		expect(texts(section(runbook.sections, 'resolution').steps)).toEqual([
			"Restart the replica's WAL receiver.",
			'Free disk space on the replica if it is above 90%.',
			'Run the following command to promote a healthy replica if the primary is lost',
		]);
		expect(section(runbook.sections, 'resolution').steps![2]!.id).toBe('promote-replica');
	});

	it('strips a console session’s prompt and keeps its output apart', () => {
		expect(section(runbook.sections, 'investigation').steps![1]!.commands).toEqual([
			{
				lang: 'bash',
				code: 'ssh {{$REPLICA_HOST}} df -h /var/lib/postgresql',
				output: 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/sdb1       500G  480G   20G  96% /var/lib/postgresql',
			},
		]);
	});

	it('reads the escalation list as contacts', () => {
		expect(section(runbook.sections, 'escalation').contacts).toEqual([
			{ role: 'DBA on call', contact: 'dba-oncall@acme.example' },
			{ role: 'Platform lead', contact: '+1 555 0100' },
		]);
	});
});

describe('Overview / Steps / Rollback / Escalation, no H1', () => {
	const { runbook } = importChecklist(read('queue/queue-backlog.md'), { sourceName: 'queue/queue-backlog.md' });

	it('is a response runbook with its system from the front matter and no alert (its file name is not one)', () => {
		expect(runbook).toMatchObject({ title: 'Queue backlog growing', system: 'Order queue', kind: 'response' });
		expect(runbook.alerts).toBeUndefined();
		expect(runbook.sections.map((s) => s.kind)).toEqual(['overview', 'mitigation', 'rollback', 'escalation']);
		expect(texts(section(runbook.sections, 'rollback').steps)).toEqual(['Undo the last consumer deploy']);
		// `<pod-name>` is a value to fill in, named after its words.
		expect(section(runbook.sections, 'steps').steps![1]!.commands![0]!.code).toBe(
			'kubectl -n orders logs {{POD_NAME}} --since=10m | grep -i error',
		);
		expect(runbook.variables).toEqual([{ name: 'POD_NAME', label: 'Pod name' }]);
	});
});

describe('a document without headings', () => {
	it('is one "What to do" section: instructions and commands are steps, explanations prose', () => {
		const { runbook } = importChecklist(read('payments/helpers/gather-logs.md'), { sourceName: 'payments/helpers/gather-logs.md' });
		expect(runbook.title).toBe('Gather logs');
		const [only] = runbook.sections;
		expect(only).toMatchObject({ title: 'What to do', kind: 'mitigation' });
		expect(texts(only!.steps)).toEqual([
			'Collect the last hour of logs from every payments pod',
			'Attach the files to the incident ticket. Nothing to download? Check the [old wiki](../../../elsewhere/wiki.md).',
		]);
		// The loop assigns $pod itself (lowercase, and a shell variable of its own): not a value to fill.
		expect(only!.steps![0]!.commands![0]!.code).toContain('"$pod"');
		expect(only!.steps![0]!.commands![0]!.code).toContain('-n {{$NAMESPACE}} get pods');
	});
});

describe('recognising the shape', () => {
	it('needs one unmistakable part of a response runbook and another part', () => {
		expect(hasResponseShape(['Meaning', 'Impact', 'Diagnosis', 'Mitigation'])).toBe(true);
		expect(hasResponseShape(['Overview', 'Escalation'])).toBe(true);
		expect(hasResponseShape(['Overview', 'Steps'])).toBe(false);
		expect(hasResponseShape(['Pre-deployment', 'Deployment Steps', 'Rollback', 'Troubleshooting'])).toBe(false);
	});
	it('tells instructions from explanations', () => {
		expect(isInstruction('Check the logs.')).toBe(true);
		expect(isInstruction('Then restart the pod.')).toBe(true);
		expect(isInstruction('If this is supported then increase number of replicas')).toBe(true);
		expect(isInstruction('If an upgrade is in progress, the alert may resolve itself.')).toBe(false);
		expect(isInstruction('Depending on the integration, correct the integration with the faulty instance')).toBe(true);
		expect(
			asksForAction('If an upgrade is in progress, the alert may resolve itself. If MCO is not working, check the cloud provider.'),
		).toBe(true);
		expect(asksForAction('Deleting an incorrect Endpoint should trigger its recreation. This is rare.')).toBe(false);
		expect(isInstruction('See [Debugging Pods](https://example.com)')).toBe(false);
		expect(isInstruction('app waits for other services to start')).toBe(false);
	});
	it('keeps checklists as they were: the five bundled sources are tested against their runbooks elsewhere', () => {
		const { summary } = importChecklist(readFileSync(`${SOURCE_CHECKLISTS}/twiga-scan-deployment-checklist.md`, 'utf8'));
		expect(summary.response).toBe(false);
	});
});

describe('front matter', () => {
	it('reads YAML and TOML, dates as days, review intervals in words, and lists what it does not use', () => {
		const yaml = parseFrontMatter(
			'title: X\nlast_reviewed_on: 2026-01-05\nreview_in: 3 months\nowner_slack: "#ops"\nbookCollapseSection: true\n',
			'yaml',
		);
		expect('data' in yaml && readFrontMatter(yaml.data)).toMatchObject({
			title: 'X',
			lastReviewed: '2026-01-05',
			reviewEveryDays: 90,
			owners: ['#ops'],
			ignored: ['bookCollapseSection'],
		});
		const toml = parseFrontMatter('title = "Y"\nlastmod = 2026-02-03T10:00:00Z\nweight = 3\ntags = ["a", "b"]\n', 'toml');
		expect('data' in toml && readFrontMatter(toml.data)).toMatchObject({
			title: 'Y',
			lastReviewed: '2026-02-03',
			order: 3,
			tags: ['a', 'b'],
		});
	});
	it('reports front matter it cannot read, and still imports the document', () => {
		const { runbook, warnings } = importChecklist('---\ntitle: [unclosed\n---\n\n# Disk full\n\n## Mitigation\n\nDelete old logs.\n');
		expect(warnings.join('\n')).toMatch(/front matter \(YAML\) not read/);
		expect(runbook.title).toBe('Disk full');
	});
});

describe('a product named in its title is no alert', () => {
	it.each(['PostGIS', 'uWSGI'])('a how-to titled %s answers no alert; one titled KubeAPIDown does', (title) => {
		const howTo = (h1: string) => importChecklist(`# ${h1}\n\n## Install\n\n1. Install the package.\n2. Restart the service.\n`).runbook;
		expect(howTo(title).alerts).toBeUndefined();
		expect(howTo('KubeAPIDown').alerts).toEqual(['KubeAPIDown']);
	});
});
