import { describe, expect, it } from 'vitest';
import { fitsQr, QR_MAX_LINK, qrPath, runPageLink, shareLink } from '../../../src/model/sheet-links.ts';

describe('the links a filled sheet prints', () => {
	it('lead to the runbook page with the run selected, and to its share link', () => {
		expect(runPageLink('https://ops.example.com/docs/runbooks/twiga-scan/', 'release-1-4-0')).toBe(
			'https://ops.example.com/docs/runbooks/twiga-scan/?run=release-1-4-0',
		);
		// A run id is a slug, but a link never trusts that: it is encoded.
		expect(runPageLink('https://x.test/runbooks/a/?part=b#top', 'a&b c')).toBe('https://x.test/runbooks/a/?run=a%26b+c');
		expect(shareLink('https://x.test/runbooks/a/?run=r#old', 'share=AbC-_')).toBe('https://x.test/runbooks/a/#share=AbC-_');
	});
	it('get a QR code up to the length a phone reads off paper', () => {
		expect(fitsQr('x'.repeat(QR_MAX_LINK))).toBe(true);
		expect(fitsQr('x'.repeat(QR_MAX_LINK + 1))).toBe(false);
	});
});

describe('a QR code drawn as one path', () => {
	it('draws each run of dark modules in a row as one rectangle', () => {
		expect(
			qrPath([
				[true, true, false, true],
				[false, false, false, false],
				[false, true, true, true],
			]),
		).toBe('M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z');
		expect(qrPath([])).toBe('');
	});
});
