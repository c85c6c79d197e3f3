import { describe, expect, it } from 'vitest';
import { pagesInLog, writtenBefore } from '../../../scripts/lib/build-log.ts';

const plain = `
 generating static routes
00:15:45   ├─ /signoff/a/index.html (+29ms)
00:15:46   ├─ /rollback/a/index.html (+273ms)
00:15:46   └─ /runbooks/a/index.html (+12ms)
00:15:46 [runsheet] styles inlined in 1 rollback pages`;
// The same lines as CI prints them (FORCE_COLOR or CI set): colour codes around every part.
const coloured = plain
	.split('\n')
	.map((line) => line.replace(/([├└]─) (\S+)/, '\x1b[34m$1\x1b[39m \x1b[2m$2\x1b[22m'))
	.join('\n');

describe("Astro's build log", () => {
	it('lists the pages in the order they were written, coloured or not', () => {
		for (const log of [plain, coloured])
			expect(pagesInLog(log)).toEqual(['signoff/a/index.html', 'rollback/a/index.html', 'runbooks/a/index.html']);
	});

	it('tells whether one group of pages was written before another', () => {
		expect(writtenBefore(coloured, ['signoff/a/index.html'], ['rollback/a/index.html'])).toBe(true);
		expect(writtenBefore(coloured, ['runbooks/a/index.html'], ['rollback/a/index.html'])).toBe(false);
		expect(writtenBefore(plain, ['signoff/b/index.html'], ['rollback/a/index.html'])).toBe(false);
	});
});
