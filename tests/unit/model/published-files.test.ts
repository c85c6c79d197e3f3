import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileDecision, linkedFiles, planRunbookFiles, unpublishedLines } from '../../../src/model/published-files.ts';

afterEach(() => {
	vi.unstubAllEnvs();
	vi.resetModules();
});

describe('which file beside the runbooks is published', () => {
	it('a linked image, PDF or text file is; an unlinked one is not', () => {
		for (const path of [
			'ops/diagram.png',
			'ops/Diagram.JPEG',
			'ops/failover.pdf',
			'ops/checklist.txt',
			'ops/restart.sh',
			'ops/dashboard.json',
		]) {
			expect(fileDecision(path, true), path).toEqual({ publish: true });
			expect(fileDecision(path, false), path).toEqual({ publish: false, why: 'unlinked' });
		}
	});

	it('a linked file of another kind is not: SVG and HTML would run script on the site’s origin', () => {
		for (const path of ['ops/diagram.svg', 'ops/notes.html', 'ops/notes.htm', 'ops/archive.zip', 'ops/Makefile', 'ops/report.docx'])
			expect(fileDecision(path, true), path).toEqual({ publish: false, why: 'kind' });
	});

	it('a file named like a secret never is, linked or not', () => {
		// The names issue 33 lists, and their usual relatives.
		const secrets = [
			'ops/kubeconfig',
			'ops/prod.kubeconfig',
			'ops/.env',
			'ops/prod.env',
			'ops/prod.env.txt',
			'ops/.env.production',
			'ops/tls.pem',
			'ops/tls.key',
			'ops/id_rsa',
			'ops/id_ed25519',
			'ops/client.p12',
			'ops/credentials',
			'ops/credentials.json',
			'ops/Credentials.csv',
			'ops/secrets.txt',
			'ops/client_secret_123.json',
			'ops/.netrc',
			'ops/terraform.tfstate',
			'ops/terraform.tfstate.backup',
		];
		for (const path of secrets) {
			for (const linked of [true, false]) expect(fileDecision(path, linked), path).toMatchObject({ publish: false, why: 'secret' });
		}
		expect(fileDecision('ops/kubeconfig', true)).toEqual({ publish: false, why: 'secret', what: 'a kubeconfig' });
	});

	it('names that only look alike are not secrets', () => {
		for (const path of [
			'ops/environment.png',
			'ops/keyboard.png',
			'ops/id_rsa.pub.txt',
			'ops/secret-rotation.png',
			'ops/monkey.jpg',
			'ops/envoy.txt',
		])
			expect(fileDecision(path, true), path).toEqual({ publish: true });
	});
});

describe('the files a runbook links', () => {
	it('are its Markdown links, images and link definitions to /runbook-files/, and its addresses', () => {
		const runbook = {
			title: 'Failover',
			notes: ['See the [diagram](/runbook-files/ops/diagram.png) and ![the plan](</runbook-files/ops/failover%20plan.pdf>).'],
			sections: [
				{
					id: 'a',
					title: 'A',
					description: '[plan]: /runbook-files/ops/plan.txt#top\n\nRead the [plan].',
					resources: [{ title: 'Dashboard', href: '/runbook-files/ops/dashboard.json' }],
					steps: [
						{
							id: 'b',
							text: 'Open the [checklist](/runbook-files/ops/checklist.txt?v=2) and [a page](/runbooks/other/)',
							// A command is not Markdown: nothing in it is a link.
							commands: [{ code: 'curl [x](/runbook-files/ops/from-a-command.txt)', output: '[y](/runbook-files/ops/output.txt)' }],
						},
					],
				},
			],
		};
		expect([...linkedFiles(runbook)].sort()).toEqual([
			'ops/checklist.txt',
			'ops/dashboard.json',
			'ops/diagram.png',
			'ops/failover plan.pdf',
			'ops/plan.txt',
		]);
	});

	it('below a base path too, and never a path that climbs out of the folder', async () => {
		vi.stubEnv('BASE_URL', '/ops-runbooks/');
		vi.resetModules();
		const { linkedFiles: linkedBelow } = await import('../../../src/model/published-files.ts');
		const runbook = {
			notes: ['[a](/ops-runbooks/runbook-files/ops/a.png) [b](/runbook-files/ops/b.png) [c](/runbook-files/ops/../../etc/passwd.txt)'],
		};
		expect([...linkedBelow(runbook)].sort()).toEqual(['ops/a.png', 'ops/b.png']);
	});
});

describe('the plan for a folder', () => {
	const runbooks = [
		{ file: 'ops/failover.md', data: { notes: ['![diagram](/runbook-files/ops/diagram.png) [plan](/runbook-files/ops/failover.pdf)'] } },
		{ file: 'ops/access.yaml', data: { notes: ['[a zip](/runbook-files/ops/tools.zip)'] } },
	];
	const beside = ['ops/kubeconfig', 'ops/prod.env.txt', 'ops/diagram-unlinked.png', 'ops/diagram.png', 'ops/failover.pdf', 'ops/tools.zip'];

	it('publishes what is linked and allowed, and says what it leaves out, in a line each', () => {
		const plan = planRunbookFiles(beside, runbooks);
		expect(plan).toEqual({
			publish: ['ops/diagram.png', 'ops/failover.pdf'],
			unlinked: ['ops/diagram-unlinked.png', 'ops/kubeconfig', 'ops/prod.env.txt'],
			notPublished: ['ops/tools.zip'],
			secrets: [],
		});
		const lines = unpublishedLines(plan);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(
			/^runbook files: 3 files beside the runbooks, linked by none, not published: ops\/diagram-unlinked.png, ops\/kubeconfig, ops\/prod.env.txt\./,
		);
		expect(lines[1]).toMatch(
			/^runbook files: 1 file linked but not published, of a kind the site does not serve: ops\/tools.zip\. Hint: .*png.*pdf/,
		);
		expect(unpublishedLines({ unlinked: [], notPublished: [] })).toEqual([]);
	});

	it('names the first few of many', () => {
		const many = Array.from({ length: 8 }, (_, i) => `ops/${i}.png`);
		expect(unpublishedLines(planRunbookFiles(many, []))[0]).toContain('ops/0.png, ops/1.png, ops/2.png, ops/3.png, ops/4.png and 3 more.');
	});

	it('holds a linked secret with the runbooks that link it, whether or not the file is there', () => {
		const plan = planRunbookFiles(beside, [
			...runbooks,
			{ file: 'ops/access.md', data: { notes: ['[kubeconfig](/runbook-files/ops/kubeconfig) [env](/runbook-files/ops/.env)'] } },
		]);
		expect(plan.secrets).toEqual([
			{ path: 'ops/.env', what: 'an environment file', linkedBy: ['ops/access.md'] },
			{ path: 'ops/kubeconfig', what: 'a kubeconfig', linkedBy: ['ops/access.md'] },
		]);
		expect(plan.publish).toEqual(['ops/diagram.png', 'ops/failover.pdf']);
		expect(plan.unlinked).not.toContain('ops/kubeconfig');
	});
});
