import { describe, expect, it } from 'vitest';
import { findChromium, NO_BROWSER_MESSAGE } from '../../support/browser.ts';

describe('finding a browser for the e2e tests', () => {
	it('takes the first candidate that exists: the override, Playwright’s own, then Debian’s', () => {
		const present = new Set(['/usr/bin/chromium', '/pw/chrome']);
		expect(findChromium(['/custom', '/pw/chrome', '/usr/bin/chromium'], (p) => present.has(p))).toBe('/pw/chrome');
		expect(findChromium([undefined, '/missing', '/usr/bin/chromium'], (p) => present.has(p))).toBe('/usr/bin/chromium');
		expect(findChromium(['/missing'], () => false)).toBeUndefined();
	});
	it('prefers Debian’s headless shell to its full browser, and takes the full one without the shell', () => {
		expect(findChromium(undefined, (p) => p === '/usr/bin/chromium-headless-shell' || p === '/usr/bin/chromium')).toBe(
			'/usr/bin/chromium-headless-shell',
		);
		expect(findChromium(undefined, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
	});
	it('says in one line how to get one when there is none', () => {
		expect(NO_BROWSER_MESSAGE.split('\n')).toHaveLength(1);
		expect(NO_BROWSER_MESSAGE).toContain('apt-get install -y chromium-headless-shell');
	});
});
