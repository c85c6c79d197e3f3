import { ExpressiveCode, loadShikiTheme } from 'astro-expressive-code';
import { toHtml, toText } from 'astro-expressive-code/hast';
import { describe, expect, it } from 'vitest';
import { pluginPlainSpaces, unwrapColouredSpaces } from '../../../src/render/expressive-code-spaces.ts';

/** A block rendered as the site renders it (two themes, as Starlight's dark and light), with or without the plugin. */
async function render(code: string, plain: boolean) {
	const themes = [await loadShikiTheme('night-owl'), await loadShikiTheme('light-plus')];
	const ec = new ExpressiveCode({ themes, plugins: plain ? [pluginPlainSpaces()] : [], useStyleReset: false });
	const { renderedGroupAst } = await ec.render({ code, language: 'bash' });
	return renderedGroupAst;
}

const COMMAND = 'kubectl rollout undo deployment/api -n "$NAMESPACE"  --to-revision=3\n\tsystemctl restart app';

describe('command blocks without a coloured span for each space', () => {
	it('keeps the text, so the copy and what is read are the same', async () => {
		const before = await render(COMMAND, false);
		const after = await render(COMMAND, true);
		expect(toText(after)).toBe(toText(before));
		expect(toText(after)).toContain('"$NAMESPACE"  --to-revision=3');
		// What the copy button copies is untouched.
		const copied = (html: string) => html.match(/data-code="([^"]*)"/)?.[1];
		expect(copied(toHtml(after))).toBeDefined();
		expect(copied(toHtml(after))).toBe(copied(toHtml(before)));
	});

	it('drops the spans that held only white space, and only those', async () => {
		const before = toHtml(await render(COMMAND, false));
		const after = toHtml(await render(COMMAND, true));
		const spaceSpans = (html: string) => html.match(/<span style="[^"]*">\s+<\/span>/g) ?? [];
		expect(spaceSpans(before).length).toBeGreaterThan(3);
		expect(spaceSpans(after)).toEqual([]);
		// Every coloured word keeps its colours.
		const words = (html: string) => html.match(/<span style="[^"]*">[^<\s][^<]*<\/span>/g) ?? [];
		expect(words(after)).toEqual(words(before));
		expect(after.length).toBeLessThan(before.length);
	});

	it('keeps a span of spaces that has more than colours: a class, or another style', () => {
		const text = (value: string) => ({ type: 'text' as const, value });
		const span = (properties: Record<string, string>, value: string) => ({
			type: 'element' as const,
			tagName: 'span',
			properties,
			children: [text(value)],
		});
		const tree = {
			type: 'root' as const,
			children: [
				span({ style: '--0:#D6DEEB;--1:#403F53' }, '  '),
				span({ style: '--0:#D6DEEB;text-decoration:underline' }, ' '),
				span({ style: '--0:#D6DEEB', className: 'rs-var' }, ' '),
				span({ style: '--0:#D6DEEB' }, 'word'),
			],
		};
		unwrapColouredSpaces(tree);
		expect(toHtml(tree)).toBe(
			'  <span style="--0:#D6DEEB;text-decoration:underline"> </span><span style="--0:#D6DEEB" class="rs-var"> </span><span style="--0:#D6DEEB">word</span>',
		);
	});
});
