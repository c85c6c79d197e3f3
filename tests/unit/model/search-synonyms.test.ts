import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNONYMS, runbookAbout, runbookSymptoms, synonymGroups, synonymKeywords } from '../../../src/model/search-synonyms.ts';
import { nameVariants, splitCamelCase, stepIdTitle } from '../../../src/model/search-terms.ts';

describe('alert names in words', () => {
	it('splits camel case, a run of capitals as one word', () => {
		expect(splitCamelCase('KubePodCrashLooping')).toBe('Kube Pod Crash Looping');
		expect(splitCamelCase('KubeAPIErrorBudgetBurn')).toBe('Kube API Error Budget Burn');
		expect(splitCamelCase('etcdGRPCRequestsSlow')).toBe('etcd GRPC Requests Slow');
		expect(splitCamelCase('CPUThrottlingHigh')).toBe('CPU Throttling High');
		expect(splitCamelCase('twiga-scan')).toBe('twiga-scan');
	});

	it('gives the index an alert name in words and each two words as one ("crashloop" begins "crashlooping")', () => {
		const forms = nameVariants({
			id: 'kube-pod-crash-looping',
			title: 'Kube Pod Crash Looping',
			system: 'kubernetes',
			alerts: ['KubePodCrashLooping'],
		});
		expect(forms).toContain('kube pod crash looping');
		expect(forms).toContain('crashlooping');
		expect(forms).toContain('podcrash');
		expect(new Set(forms).size).toBe(forms.length);
	});
});

describe('symptom synonyms', () => {
	const groups = synonymGroups();

	it('gives a runbook the words of each symptom it is about, not those it already has', () => {
		const words = synonymKeywords('Node Filesystem Almost Out Of Space', groups);
		expect(words).toContain('disk full');
		expect(words).toContain('no space left');
		expect(words).not.toContain('out of space');
		expect(synonymKeywords('Kube Pod Crash Looping. Pod is in CrashLoop', groups)).toContain('crashloopbackoff');
		expect(synonymKeywords('Pods are OOMKilled', groups)).toContain('out of memory');
		expect(synonymKeywords('Client certificate for Kubelet on node expires soon or already expired.', groups)).toEqual([]);
		expect(synonymKeywords('Kubelet Client Certificate Expiration', groups)).toContain('certificate expired');
	});

	it('matches whole words only: "space" in "namespace" is no symptom, nor "lag" in "flag"', () => {
		expect(synonymKeywords('Namespace quota flag', groups)).toEqual([]);
		expect(synonymKeywords('', groups)).toEqual([]);
	});

	it('adds the site’s groups after the built-in ones and drops empty words and one-word groups', () => {
		const mine = synonymGroups([
			['ENOSPC', 'disk full'],
			['  ', 'alone'],
			['payments down', 'checkout broken'],
		]);
		expect(mine.length).toBe(DEFAULT_SYNONYMS.length + 2);
		expect(synonymKeywords('Checkout broken', mine)).toEqual(['payments down']);
		expect(synonymKeywords('ENOSPC on /var', mine)).toContain('disk full');
	});

	it('reads what a runbook is about: its names, then its summary and opening section, never its later steps', () => {
		const runbook = {
			title: 'T',
			alerts: ['NodeClockSkewDetected'],
			aliases: ['time'],
			summary: 'S',
			sections: [
				{ description: 'Pods are OOMKilled', notes: ['A note'] },
				{ description: 'slow disk in a diagnosis', notes: [] },
			],
		};
		const about = runbookAbout(runbook);
		expect(about.names).toContain('Node Clock Skew Detected');
		expect(about.text).toContain('A note');
		expect(`${about.names} ${about.text}`).not.toContain('slow disk');
		// Named for clock skew: its words weigh like its names; it only mentions OOM: those weigh less.
		const { named, mentioned } = runbookSymptoms(runbook, groups);
		expect(named).toContain('clock drift');
		expect(mentioned).toContain('out of memory');
		expect(mentioned).not.toContain('clock drift');
		expect([...named, ...mentioned]).not.toContain('latency');
	});
});

describe('step ids as the finder lists them before the index answers', () => {
	it('reads an id as words', () => {
		expect(stepIdTitle('restore-database-backup')).toBe('Restore database backup');
		expect(stepIdTitle('db_restore.v2')).toBe('Db restore v2');
	});
});
