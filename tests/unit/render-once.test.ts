import { describe, expect, it } from 'vitest';
import { isFirstOnPage, keepRendered, takeRendered } from '../../src/lib/render-once.ts';

describe('render-once', () => {
	it('hands kept HTML out once, for the same object only', () => {
		const command = { code: 'kubectl rollout undo deploy/web' };
		const sameText = { code: 'kubectl rollout undo deploy/web' };
		keepRendered(command, '<figure>…</figure>');
		expect(takeRendered(sameText)).toBeUndefined();
		expect(takeRendered(command)).toBe('<figure>…</figure>');
		expect(takeRendered(command)).toBeUndefined();
	});
	it('tells the first block of each page', () => {
		const page = new Request('http://localhost/runbooks/a/');
		const other = new Request('http://localhost/rollback/a/');
		expect(isFirstOnPage(page)).toBe(true);
		expect(isFirstOnPage(page)).toBe(false);
		expect(isFirstOnPage(other)).toBe(true);
	});
});
