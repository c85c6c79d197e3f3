import { describe, expect, it } from 'vitest';
import { isFirstBlock, keepRendered, setFirstBlock, takeRendered } from '../../../src/build/render-once.ts';

describe('render-once', () => {
	it('hands kept HTML out once, for the same object only', () => {
		const command = { code: 'kubectl rollout undo deploy/web' };
		const sameText = { code: 'kubectl rollout undo deploy/web' };
		keepRendered(command, '<figure>…</figure>');
		expect(takeRendered(sameText)).toBeUndefined();
		expect(takeRendered(command)).toBe('<figure>…</figure>');
		expect(takeRendered(command)).toBeUndefined();
	});
	it("knows each page's first block from the page, whatever order blocks are rendered in", () => {
		const page = new Request('http://localhost/runbooks/a/');
		const [first, later] = [{ code: 'a' }, { code: 'b' }];
		setFirstBlock(page, first);
		expect(isFirstBlock(page, later)).toBe(false);
		expect(isFirstBlock(page, first)).toBe(true);
		expect(isFirstBlock(page, first)).toBe(true);
	});
	it('takes the first block asked about on a page that did not say', () => {
		const page = new Request('http://localhost/rollback/a/');
		const [one, two] = [{ code: 'a' }, { code: 'b' }];
		expect(isFirstBlock(page, two)).toBe(true);
		expect(isFirstBlock(page, one)).toBe(false);
	});
});
