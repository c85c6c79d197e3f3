import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRunbookCollection } from '../../../src/build/content/collection.ts';
import { proposeVariables } from '../../../src/import/variables.ts';
import { noteParts } from '../../../src/model/note-parts.ts';
import { codeBlockCommands, splitPrompts } from '../../../src/model/shell.ts';

describe('terminal transcripts', () => {
	it('are commands without their prompts, each with what it printed', () => {
		expect(splitPrompts('$ kubectl get nodes\nNAME   STATUS\nnode-1 Ready\n\n$ kubectl get pods', 'shell')).toEqual([
			{ code: 'kubectl get nodes', output: 'NAME   STATUS\nnode-1 Ready' },
			{ code: 'kubectl get pods' },
		]);
	});
	it('copy commands typed one after another together, and a continued line with its command', () => {
		expect(splitPrompts('$ NODE=<node>\n$ kubectl debug node/$NODE \\\n    -it --image=busybox\n$ chroot /host', 'bash')).toEqual([
			{ code: 'NODE=<node>\nkubectl debug node/$NODE \\\n    -it --image=busybox\nchroot /host' },
		]);
	});
	it('leave scripts, other languages and blocks without prompts as written', () => {
		expect(splitPrompts('for x in a b; do echo $x; done', 'bash')).toBeUndefined();
		expect(splitPrompts('$ SELECT 1;', 'sql')).toBeUndefined();
		expect(codeBlockCommands('$ ls', 'console')).toEqual([{ lang: 'bash', code: 'ls' }]);
	});
	it('keep a comment before the first prompt with the first command', () => {
		expect(splitPrompts('# on the node\n$ df -h', 'shell')).toEqual([{ code: '# on the node\ndf -h' }]);
	});
});

describe('code blocks kept in notes', () => {
	it('are command blocks between the prose, the same objects every time', () => {
		const note = 'Run it:\n\n```shell\n$ etcdctl endpoint health\nhealthy\n```\n\nThen wait.';
		const parts = noteParts(note);
		expect(parts).toEqual([
			{ markdown: 'Run it:' },
			{ command: { lang: 'shell', code: 'etcdctl endpoint health', output: 'healthy' } },
			{ markdown: 'Then wait.' },
		]);
		expect(noteParts(note)[1]).toBe(parts[1]);
	});
});

describe('shell variables proposed by the importer', () => {
	const propose = (code: string, lang = 'bash') => {
		const data = { sections: [{ steps: [{ text: 'x', commands: [{ lang, code }] }] }] };
		const proposals = proposeVariables(data);
		return { code: data.sections[0]!.steps[0]!.commands[0]!.code, names: proposals.map((p) => p.variable.name) };
	};
	it('are $NAME and ${NAME}, kept for the shell where the run gives no value', () => {
		expect(propose('kubectl -n $NAMESPACE logs ${POD} -c "$CONTAINER"')).toEqual({
			code: 'kubectl -n {{$NAMESPACE}} logs {{$POD}} -c "{{$CONTAINER}}"',
			names: ['NAMESPACE', 'POD', 'CONTAINER'],
		});
	});
	it('are not what the code sets itself, what single quotes keep literal, the shell’s own or a template’s', () => {
		const code = `NODE_NAME=x\nexport REGION=eu\nfor HOST in a b; do ssh $HOST; done\noc debug node/$NODE_NAME --region $REGION\nawk '{ print $NF }' \\$ESCAPED $HOME\nkubectl get -o go-template='{{range .items}}{{ $X }}{{end}}'\necho "it's $TARGET"`;
		expect(propose(code)).toEqual({ code: code.replace('$TARGET', '{{$TARGET}}'), names: ['TARGET'] });
	});
	it('are only read in shell code: SQL, PromQL and YAML keep their own $', () => {
		expect(propose('SELECT $1, $TABLE', 'sql').names).toEqual([]);
		expect(propose('value: $HOST', 'yaml').names).toEqual([]);
	});
	it('are found in code spans of step text, not in its prose', () => {
		const data = { sections: [{ steps: [{ text: 'Set $CLUSTER, then check `kubectl --context $CLUSTER get nodes`' }] }] };
		proposeVariables(data);
		expect(data.sections[0]!.steps[0]!.text).toBe('Set $CLUSTER, then check `kubectl --context {{$CLUSTER}} get nodes`');
	});
});

describe('a content folder with Markdown runbooks beside YAML ones', () => {
	const dirs: string[] = [];
	afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
	const folder = () => {
		const dir = mkdtempSync(join(tmpdir(), 'runsheet-content-'));
		dirs.push(dir);
		cpSync('content/runbooks/twiga-scan.yaml', join(dir, 'twiga-scan.yaml'));
		cpSync('tests/fixtures/team-runbooks', join(dir, 'team'), { recursive: true });
		return dir;
	};

	it('reads both, the Markdown through the importer, with links between documents made site links', async () => {
		const collection = await readRunbookCollection(folder(), 'content/runbooks');
		expect(collection.problems).toEqual([]);
		expect(collection.entries.map((e) => [e.id, e.file]).sort()).toEqual([
			['database-replication-lag', 'content/runbooks/team/database/DatabaseReplicationLag.md'],
			['gather-logs', 'content/runbooks/team/payments/helpers/gather-logs.md'],
			['payments-high-error-rate', 'content/runbooks/team/payments/PaymentsHighErrorRate.md'],
			['queue-backlog', 'content/runbooks/team/queue/queue-backlog.md'],
			['twiga-scan', 'content/runbooks/twiga-scan.yaml'],
		]);
		const payments = collection.entries.find((e) => e.id === 'payments-high-error-rate')!;
		expect(payments.data.source).toBe('team/payments/PaymentsHighErrorRate.md');
		expect(JSON.stringify(payments.data)).toContain('(/runbook-files/team/payments/images/dashboard.png)');
		expect(collection.folders.map((f) => f.title)).toEqual(['Acme on-call runbooks', 'Database', 'Payments API']);
	});

	it('stops on two files with one id, naming both', async () => {
		const dir = folder();
		mkdirSync(join(dir, 'other'));
		writeFileSync(join(dir, 'other', 'twiga-scan.md'), '# Twiga\n\n## Mitigation\n\nRestart it.\n');
		const collection = await readRunbookCollection(dir, 'content/runbooks');
		expect(collection.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
			expect.stringMatching(
				/^content\/runbooks\/(other\/twiga-scan\.md|twiga-scan\.yaml): the runbook id "twiga-scan" is also the id of content\/runbooks\/(twiga-scan\.yaml|other\/twiga-scan\.md)\. Hint: rename one file/,
			),
		]);
	});
});
