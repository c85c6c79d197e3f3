import { describe, expect, it } from 'vitest';
import { ALERT_NAME } from '../../../src/schema/alerts.ts';
import { importChecklist } from '../../../src/import/import-checklist.ts';
import {
	ALERT_NAME_PATTERN,
	PLACEHOLDER_ALERT,
	alertFromPath,
	alertRunbookTemplate,
	alertTitle,
	alertWords,
} from '../../../src/model/unknown-alert.ts';

describe('the alert an address names', () => {
	it('is the name after /alerts/, below the base, with or without the last slash', () => {
		expect(alertFromPath('/alerts/KubePodCrashLooping/', '')).toBe('KubePodCrashLooping');
		expect(alertFromPath('/alerts/etcdMembersDown', '')).toBe('etcdMembersDown');
		expect(alertFromPath('/ops-runbooks/alerts/NodeRAIDDiskFailure/', '/ops-runbooks')).toBe('NodeRAIDDiskFailure');
		expect(alertFromPath('/alerts/job:up.ratio-5m/', '')).toBe('job:up.ratio-5m');
		expect(alertFromPath('/alerts/Kube%50od/', '')).toBe('KubePod');
	});

	it('is nothing for any other address, or for what an alert name cannot be', () => {
		for (const [path, base] of [
			['/runbooks/no-such/', ''],
			['/alerts/', ''],
			['/alerts/A/B/', ''],
			['/alerts/KubePodCrashLooping/', '/ops-runbooks'],
			['/other/alerts/KubePodCrashLooping/', ''],
			['/alerts/%3Cimg%20src=x%20onerror=alert(1)%3E/', ''],
			['/alerts/<b>x</b>/', ''],
			['/alerts/%E0%A4%A/', ''],
			['/alerts/-leading-dash/', ''],
			[`/alerts/${'A'.repeat(201)}/`, ''],
		] as const)
			expect(alertFromPath(path, base), path).toBeUndefined();
	});

	it('checks names as the runbook schema does', () => {
		expect(ALERT_NAME_PATTERN.source).toBe(ALERT_NAME.source);
	});
});

describe('an alert name in words', () => {
	it('splits CamelCase, acronyms, digits and separators', () => {
		expect(alertWords('KubePodCrashLooping')).toEqual(['Kube', 'Pod', 'Crash', 'Looping']);
		expect(alertWords('NodeRAIDDiskFailure')).toEqual(['Node', 'RAID', 'Disk', 'Failure']);
		expect(alertWords('etcdMembersDown')).toEqual(['etcd', 'Members', 'Down']);
		expect(alertWords('HTTP5xxRateHigh')).toEqual(['HTTP5xx', 'Rate', 'High']);
		expect(alertWords('node_filesystem:almost-full.5m')).toEqual(['node', 'filesystem', 'almost', 'full', '5m']);
	});

	it('reads as a title, acronyms kept', () => {
		expect(alertTitle('KubePodCrashLooping')).toBe('Kube pod crash looping');
		expect(alertTitle('etcdMembersDown')).toBe('Etcd members down');
		expect(alertTitle('NodeRAIDDiskFailure')).toBe('Node RAID disk failure');
	});
});

describe('the Markdown runbook for an unknown alert', () => {
	it('is imported as an alert runbook answering it, with its four parts and a step in Diagnosis', () => {
		for (const name of ['CheckoutPodsOOMKilled', PLACEHOLDER_ALERT]) {
			const { runbook } = importChecklist(alertRunbookTemplate(name), { id: 'new-alert' });
			expect(runbook.alerts).toEqual([name]);
			expect(runbook.owners).toEqual(['your-team']);
			expect(runbook.sections.map((s) => s.title)).toEqual(['Meaning', 'Impact', 'Diagnosis', 'Mitigation']);
			const diagnosis = runbook.sections.find((s) => s.title === 'Diagnosis')!;
			expect(JSON.stringify(diagnosis.steps)).toContain('kubectl get pods');
			expect(runbook.sections.find((s) => s.title === 'Mitigation')!.steps).toHaveLength(2);
		}
		expect(importChecklist(alertRunbookTemplate('CheckoutPodsOOMKilled')).runbook.title).toBe('Checkout pods OOM killed');
	});
});
