import { describe, expect, it } from 'vitest';
import { checkLinks, internalUrl, type SiteFacts } from '../../../scripts/lib/link-check.ts';

const ORIGIN = 'https://runbooks.example.com';
const site: SiteFacts = {
	pages: new Map([
		['/runbooks/', { ids: new Set(['_top']) }],
		['/runbooks/api/', { ids: new Set(['deploy', 'run-migrations']) }],
		['/runbooks/old-api/', { ids: new Set(), redirect: '/runbooks/api/' }],
		['/runbooks/gone/', { ids: new Set(), redirect: '/runbooks/nowhere/' }],
		['/404.html', { ids: new Set() }],
	]),
	files: new Set(['/runbooks.json', '/favicon.svg']),
};
const check = (href: string, from = '/runbooks/') => checkLinks(site, [{ from, href }], ORIGIN).map((b) => b.problem);

describe('link checker', () => {
	it('accepts pages, files, anchors, the top of a page and relative links', () => {
		for (const href of [
			'/runbooks/api/',
			'/runbooks/api',
			'/runbooks/api/#run-migrations',
			'#_top',
			'#',
			'/favicon.svg',
			'api/#deploy',
			`${ORIGIN}/runbooks.json`,
		]) {
			expect(check(href), href).toEqual([]);
		}
	});
	it('reports a missing page, a missing anchor and an anchor into a file', () => {
		expect(check('/runbooks/nope/')).toEqual(['no page or file at /runbooks/nope/']);
		expect(check('/runbooks/api/#run-migration')).toEqual(['no element with id "run-migration" on /runbooks/api/']);
		expect(check('/runbooks.json#x')).toEqual(['#x points into a file that is not a page']);
	});
	it('follows redirects and checks the anchor where they lead', () => {
		expect(check('/runbooks/old-api/#deploy')).toEqual([]);
		expect(check('/runbooks/old-api/#nope')).toEqual(['no element with id "nope" on /runbooks/api/']);
		expect(check('/runbooks/gone/')).toEqual(['redirects to /runbooks/nowhere/, which does not exist']);
	});
	it('leaves other sites and schemes alone, but treats the site’s own absolute URLs as internal', () => {
		expect(internalUrl('https://github.com/x', '/', ORIGIN)).toBeUndefined();
		expect(internalUrl('mailto:ops@example.com', '/', ORIGIN)).toBeUndefined();
		expect(check(`${ORIGIN}/runbooks/nope/`)).toEqual(['no page or file at /runbooks/nope/']);
	});
});
