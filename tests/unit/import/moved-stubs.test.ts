import { describe, expect, it } from 'vitest';
import { movedTo } from '../../../src/import/moved-stubs.ts';

describe('a "moved to" stub', () => {
	it('gives the link it points to, however the words are marked up', () => {
		expect(movedTo('# KubeletDown\n\nThis alert has been moved to [Kubelet down](../kubelet/down.md).\n')).toBe('../kubelet/down.md');
		expect(movedTo('---\ntitle: Old\n---\n\n**Moved** to [the new page](new.md)\n')).toBe('new.md');
		expect(movedTo('Mo*ved* to [the new page](new.md)\n')).toBe('new.md');
		expect(movedTo('Moved\n**into** [the new page](new.md)\n')).toBe('new.md');
		expect(movedTo('This runbook was moved _under_ [the new page](new.md)\n')).toBe('new.md');
	});
	it('is not a document that says more, nor one that never says "moved"', () => {
		expect(movedTo('# Disk full\n\nCheck [the disk](disk.md) first.\n')).toBeUndefined();
		expect(movedTo('# Disk full\n\nThe data moved today: [see](disk.md).\n')).toBeUndefined();
		expect(movedTo('# Disk full\n\nMoved towards [the new page](new.md).\n')).toBeUndefined();
		expect(movedTo(`# Disk full\n\nMoved to [the new page](new.md). ${'More words here. '.repeat(20)}\n`)).toBeUndefined();
		expect(movedTo('# Disk full\n\n```sh\necho moved to\n```\n\nMoved to [x](x.md)\n')).toBeUndefined();
	});
});
