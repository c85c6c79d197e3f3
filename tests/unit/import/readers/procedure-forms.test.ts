import { describe, expect, it } from 'vitest';
import { importChecklist } from '../../../../src/import/index.ts';
import type { Section } from '../../../../src/schema/section.ts';
import type { Step } from '../../../../src/schema/step.ts';

/**
 * Procedures under headings that say nothing of steps ("Setup", "Snapshots", a page's introduction),
 * each in the form how-to pages write them, and what stays prose beside them. Written here.
 */
const md = (lines: string[]) => lines.join('\n');
const allSteps = (sections: Section[]): Step[] =>
	sections.flatMap((s) => [
		...(s.steps ?? []).flatMap(function all(step: Step): Step[] {
			return [step, ...(step.steps ?? []).flatMap(all)];
		}),
		...allSteps(s.sections ?? []),
	]);
const stepTexts = (sections: Section[]) => allSteps(sections).map((s) => s.text);

describe('procedures in any section', () => {
	it('numbered headings, gaps allowed, are steps with their commands', () => {
		const { runbook } = importChecklist(
			md([
				'# Restore a volume',
				'',
				'## Snapshots',
				'',
				'### 1. Retrieve the snapshot ARNs',
				'',
				'```sh',
				'aws ec2 describe-snapshots --owner-ids self',
				'```',
				'',
				'### 3. Create a volume from the snapshot',
				'',
				'Pick the newest one.',
			]),
		);
		const steps = allSteps(runbook.sections);
		expect(steps.map((s) => s.text)).toEqual(['Retrieve the snapshot ARNs', 'Create a volume from the snapshot']);
		expect(steps[0]!.commands?.[0]?.code).toBe('aws ec2 describe-snapshots --owner-ids self');
	});

	it('"Step N" headings and bold step labels are steps', () => {
		const headings = importChecklist(
			md(['# Upgrade', '', '## Setup', '', '### Step 1 - Stop the workers', '', 'Text.', '', '### Step 2: Migrate', '', 'Text.']),
		);
		expect(stepTexts(headings.runbook.sections)).toEqual(['Stop the workers', 'Migrate']);
		const bold = importChecklist(
			md(['# Upgrade', '', '## Setup', '', '**Step 1:** Stop the workers.', '', '**Step 2:** Run the migration.']),
		);
		expect(stepTexts(bold.runbook.sections)).toEqual(['Stop the workers.', 'Run the migration.']);
		// The whole label in bold, over its command.
		const whole = importChecklist(
			md(['# Upgrade', '', '## Setup', '', '**Step 1: Install the package**', '', '```sh', 'apt install app', '```']),
		);
		const [step] = allSteps(whole.runbook.sections);
		expect(step).toMatchObject({ text: 'Install the package', commands: [{ code: 'apt install app' }] });
	});

	it('an ordered list whose items ask for something is steps; one of facts stays prose', () => {
		const asks = importChecklist(
			md(['# Onboarding', '', '## Access', '', '1. Request a VPN account', '2. Install the client', '3. Log in once']),
		);
		expect(stepTexts(asks.runbook.sections)).toEqual(['Request a VPN account', 'Install the client', 'Log in once']);
		const facts = importChecklist(
			md([
				'# Design',
				'',
				'## Why',
				'',
				'It had two drawbacks:',
				'',
				'1. Hydration wiped the files at the root on every run',
				'2. The repository grew without bound',
			]),
		);
		expect(allSteps(facts.runbook.sections)).toEqual([]);
		expect(JSON.stringify(facts.runbook)).toContain('1. Hydration wiped the files at the root on every run');
	});

	it('"…:" and its code block are one step, the prose after it stays under it in order', () => {
		const { runbook } = importChecklist(
			md([
				'# Nodes',
				'',
				'## Labels',
				'',
				'Nodes carry labels.',
				'',
				'To label a node, use the following command:',
				'',
				'```sh',
				'kubectl label node n1 role=db',
				'```',
				'',
				'The label takes effect at once.',
			]),
		);
		const section = runbook.sections[0]!;
		expect(section.description).toBe('Nodes carry labels.');
		expect(section.steps?.map((s) => s.text)).toEqual(['To label a node, use the following command']);
		expect(section.steps![0]!.commands?.[0]?.code).toBe('kubectl label node n1 role=db');
		expect(section.steps![0]!.notes).toEqual(['The label takes effect at once.']);
	});

	it('"…:" above the first heading opens a section that the next heading closes', () => {
		const { runbook } = importChecklist(
			md([
				'# Fencing',
				'',
				'Fencing stops PostgreSQL.',
				'',
				'Fence an instance with:',
				'',
				'```sh',
				'kubectl cnpg fencing on c1 1',
				'```',
				'',
				'## Lifting',
				'',
				'Text.',
			]),
		);
		expect(runbook.sections.map((s) => s.title)).toEqual(['Steps', 'Lifting']);
		expect(runbook.sections[0]!.steps?.map((s) => s.text)).toEqual(['Fence an instance with']);
	});

	it('task lists at any indent, numbered or not, are steps', () => {
		const { runbook } = importChecklist(
			md([
				'# Release',
				'',
				'- [ ] Freeze the branch',
				'',
				'## Build',
				'',
				'1. [ ] Tag the release',
				'2. [x] Push the tag',
				'',
				'- Publish:',
				'  - [ ] Upload the binaries',
				'  - [ ] Update the changelog',
			]),
		);
		expect(stepTexts(runbook.sections)).toEqual([
			'Freeze the branch',
			'Tag the release',
			'Push the tag',
			'Publish:',
			'Upload the binaries',
			'Update the changelog',
		]);
	});

	it('a command in a nested list is a command block of its own step, not text', () => {
		const { runbook } = importChecklist(
			md([
				'# Install',
				'',
				'## Packages',
				'',
				'- Install the package for your system:',
				'  - On Debian:',
				'',
				'    ```sh',
				'    apt install kubectl-cnpg',
				'    ```',
				'  - Any other system: see the releases page',
			]),
		);
		const steps = allSteps(runbook.sections);
		expect(steps.map((s) => s.text)).toEqual(['Install the package for your system:', 'On Debian']);
		expect(steps[1]!.commands?.[0]?.code).toBe('apt install kubectl-cnpg');
		expect(steps[0]!.details).toEqual(['Any other system: see the releases page']);
	});
});

describe('what stays prose', () => {
	it('a sentence that introduces output, and the output, are not a step', () => {
		const { runbook } = importChecklist(
			md([
				'# Start',
				'',
				'## Startup',
				'',
				'The service starts on boot.',
				'',
				'The following will be logged:',
				'',
				'```',
				'level=info msg="listening on :8080"',
				'```',
				'',
				'The output will be:',
				'',
				'```console',
				'OK',
				'```',
			]),
		);
		expect(allSteps(runbook.sections)).toEqual([]);
		expect(JSON.stringify(runbook)).toContain('level=info msg=\\"listening on :8080\\"');
	});

	it('an example manifest that nothing asks to apply is not a step', () => {
		const { runbook } = importChecklist(
			md([
				'# Cluster',
				'',
				'## Spec',
				'',
				'Here is an example of a cluster with three instances:',
				'',
				'```yaml',
				'kind: Cluster',
				'spec:',
				'  instances: 3',
				'```',
			]),
		);
		expect(allSteps(runbook.sections)).toEqual([]);
	});

	it('a page of explanation with a numbered list of facts stays a page to read', () => {
		const { runbook } = importChecklist(
			md([
				'# Architecture',
				'',
				'## Components',
				'',
				'The operator has three parts:',
				'',
				'1. The controller, which reconciles clusters',
				'2. The instance manager, which runs in every pod',
				'3. The plugin, which talks to the API server',
				'',
				'## Replication',
				'',
				'Replicas stream the WAL from the primary.',
			]),
		);
		expect(allSteps(runbook.sections)).toEqual([]);
	});

	it('under Meaning, in an alert runbook, "…:" and a command stay an example', () => {
		const { runbook } = importChecklist(
			md([
				'# KubeletDown',
				'',
				'## Meaning',
				'',
				'The alert fires when the query returns nothing:',
				'',
				'```sh',
				'up{job="kubelet"} == 0',
				'```',
				'',
				'## Mitigation',
				'',
				'Restart the kubelet.',
			]),
		);
		expect(runbook.sections[0]!.steps).toBeUndefined();
	});
});
