import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { putBack, setAside } from '../../../src/build/search-scope.ts';

function site(): string {
	const dist = join(mkdtempSync(join(tmpdir(), 'scope-')), 'dist');
	mkdirSync(join(dist, 'signoff', 'shop'), { recursive: true });
	mkdirSync(join(dist, 'runbooks', 'shop'), { recursive: true });
	writeFileSync(join(dist, 'signoff', 'shop', 'index.html'), '<p>sheet</p>');
	writeFileSync(join(dist, 'runbooks', 'shop', 'index.html'), '<main data-pagefind-body>runbook</main>');
	return dist;
}

describe('the sign-off sheets while Starlight indexes', () => {
	it('are outside the built site, the rest stays, and they come back unchanged', () => {
		const dist = site();
		setAside(`${dist}/`);
		expect(existsSync(join(dist, 'signoff'))).toBe(false);
		expect(existsSync(join(dist, 'runbooks', 'shop', 'index.html'))).toBe(true);
		putBack(`${dist}/`);
		expect(readFileSync(join(dist, 'signoff', 'shop', 'index.html'), 'utf8')).toBe('<p>sheet</p>');
	});

	it('replace what a failed build left aside, and a site without sheets is left as it is', () => {
		const first = site();
		setAside(first);
		// The next build writes new sheets; the old ones never come back.
		mkdirSync(join(first, 'signoff', 'shop'), { recursive: true });
		writeFileSync(join(first, 'signoff', 'shop', 'index.html'), '<p>new</p>');
		setAside(first);
		putBack(first);
		expect(readFileSync(join(first, 'signoff', 'shop', 'index.html'), 'utf8')).toBe('<p>new</p>');
		putBack(first);
		expect(readFileSync(join(first, 'signoff', 'shop', 'index.html'), 'utf8')).toBe('<p>new</p>');
	});
});
