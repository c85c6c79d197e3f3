import { describe, expect, it } from 'vitest';
import { folderPage } from '../../../src/model/catalog.ts';

describe('folderPage', () => {
	const runbook = (id: string, source?: string) => ({ id, data: source ? { source } : {} });

	it('is the runbook read from a folder index, the one nearest the top, never a playbook’s alert', () => {
		expect(
			folderPage([
				runbook('rotate', 'keys/handbook/rotate.md'),
				runbook('linux', 'ci/linux/README.md'),
				runbook('ci', 'ci/README.md'),
				runbook('storage-volume-filling-up', 'ci/_index.md#StorageVolumeFillingUp'),
			])?.id,
		).toBe('ci');
		expect(folderPage([runbook('storage', 'team/storage/_index.md'), runbook('x', 'team/storage/x.md')])?.id).toBe('storage');
		expect(folderPage([runbook('installation', 'docs/installation/index.md')])?.id).toBe('installation');
	});

	it('is none when no runbook comes from an index, or none says where it comes from', () => {
		expect(folderPage([runbook('a', 'x/a.md'), runbook('b'), runbook('readme-notes', 'x/readme-notes.md')])).toBeUndefined();
	});
});
