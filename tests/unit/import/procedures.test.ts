import { describe, expect, it } from 'vitest';
import { headingAsks, introducesOutput, introducesStep, itemAsks, sentenceAsks } from '../../../src/import/procedures.ts';

/** The rules that tell a step written in prose from an explanation: sentences of how-to pages, written here. */
describe('procedures: what asks for something', () => {
	it('reads an instruction after a purpose, a condition, a modal or a requirement', () => {
		expect(sentenceAsks('Restart the pod.')).toBe(true);
		expect(sentenceAsks('To assign the label to a node, use the following command:')).toBe(true);
		expect(sentenceAsks('If you want to remove both services, you can use this configuration:')).toBe(true);
		expect(sentenceAsks("For example, to open a session on the runner, you'd type:")).toBe(true);
		expect(sentenceAsks('When the chart is upgraded, it is required to enable server-side apply:')).toBe(true);
		expect(sentenceAsks('This can be done by running:')).toBe(true);
	});

	it('does not read a statement as an instruction', () => {
		expect(sentenceAsks('The operator reconciles the cluster every minute.')).toBe(false);
		expect(sentenceAsks('Here is an example of a cluster with three instances:')).toBe(false);
		expect(sentenceAsks('Configuration #2 (invalid):')).toBe(false);
	});

	it('tells a sentence that introduces output', () => {
		expect(introducesOutput('The output will be:')).toBe(true);
		expect(introducesOutput('the following will be logged:')).toBe(true);
		expect(introducesOutput('You should see:')).toBe(true);
		expect(introducesOutput('The affinity applied to the pods will be:')).toBe(true);
		expect(introducesOutput('We should log into the runner and check for panics:')).toBe(false);
		expect(introducesOutput('Check the logs:')).toBe(false);
	});
});

describe('procedures: "…:" over a code block', () => {
	it('is a step when the sentence asks for something, whatever the block', () => {
		expect(introducesStep('Apply this manifest:', 'yaml', 'kind: Pod')).toBe(true);
		expect(introducesStep('Restart the service:', undefined, 'systemctl restart api')).toBe(true);
	});

	it('is a step when the block is a shell command, unless the words introduce output', () => {
		expect(introducesStep('The status can be checked with:', 'sh', 'kubectl get pods')).toBe(true);
		expect(introducesStep('The output will be:', 'console', 'NAME READY')).toBe(false);
		expect(introducesStep('The following will be logged:', 'sh', 'level=info msg=started')).toBe(false);
	});

	it('is not a step for data that nothing asks for, nor without a colon', () => {
		expect(introducesStep('Here is an example of a cluster:', 'yaml', 'kind: Cluster')).toBe(false);
		expect(introducesStep('The service is restarted.', 'sh', 'systemctl restart api')).toBe(false);
		// A block with no language is a command only with a prompt.
		expect(introducesStep('The file holds:', undefined, 'a=1')).toBe(false);
		expect(introducesStep('The status is checked with:', undefined, '$ kubectl get pods')).toBe(true);
		// … or when it starts by running a program.
		expect(introducesStep('These are run using `manage.py`:', undefined, 'cd /opt/app\npython3 manage.py migrate')).toBe(true);
		expect(introducesStep('The file holds:', undefined, 'Host old-host\n    HostkeyAlgorithms +ssh-rsa')).toBe(false);
		// ":::" closes an admonition.
		expect(introducesStep('Take care. :::', 'sh', 'ls')).toBe(false);
	});
});

describe('procedures: numbered headings and list items', () => {
	it('reads a numbered heading written as an instruction as a step, one that names a group as a group', () => {
		expect(headingAsks('Retrieve the snapshot ARNs')).toBe(true);
		expect(headingAsks('Create a test user (optional)')).toBe(true);
		expect(headingAsks('Build & Package')).toBe(false);
		expect(headingAsks('Post-Deployment Verification')).toBe(false);
		expect(headingAsks('Deploy Backend')).toBe(false);
		expect(headingAsks('Security')).toBe(false);
	});

	it('reads an item as asking when it is an instruction or a command', () => {
		expect(itemAsks('Create the database')).toBe(true);
		expect(itemAsks('`kubectl get pods`')).toBe(true);
		expect(itemAsks('Hydration would wipe the files at the root on every run')).toBe(false);
	});
});
