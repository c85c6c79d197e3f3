import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { firstCommand } from '../../../src/build/highlight/order.ts';
import { attr, escapeText } from '../../../src/render/html.ts';
import { commandOutputHtml, controlLabelsHtml, dueBadgeHtml, noteHtmlParts, stepListParts, type Part } from '../../../src/render/steps.ts';
import type { Command } from '../../../src/schema/command.ts';
import type { Step } from '../../../src/schema/step.ts';

const cmd = (code: string): Command => ({ lang: 'bash', code });

/** The parts as one document, each command block as a <pre data-command="code">. */
function parse(parts: Part[]): Root {
	const html = parts
		.map((p) =>
			typeof p === 'string' ? p : `<pre data-command="${p.command.code.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></pre>`,
		)
		.join('');
	return unified().use(rehypeParse, { fragment: true }).parse(html);
}

function elements(node: Root | Element, test: (e: Element) => boolean, out: Element[] = []): Element[] {
	for (const child of node.children as RootContent[]) {
		if (child.type !== 'element') continue;
		if (test(child)) out.push(child);
		elements(child, test, out);
	}
	return out;
}
const byClass = (root: Root | Element, name: string) =>
	elements(root, (e) => ((e.properties.className as string[] | undefined) ?? []).includes(name));
const text = (node: Element | Root): string =>
	(node.children as RootContent[]).map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : '')).join('');

describe('the HTML writer', () => {
	it('escapes text as Astro does, so a page is the same whichever writes it', () => {
		expect(escapeText(`<b> & "quotes" 'apostrophes'`)).toBe('&lt;b&gt; &amp; &quot;quotes&quot; &#39;apostrophes&#39;');
	});
	it('writes an attribute value so that it cannot end the attribute', () => {
		expect(attr('title', 'say "hi" & <go>')).toBe(' title="say &quot;hi&quot; &amp; <go>"');
		expect(attr('title', undefined)).toBe('');
		expect(attr('hidden', false)).toBe('');
		expect(attr('data-pagefind-ignore', true)).toBe(' data-pagefind-ignore');
		expect(attr('data-unset', '')).toBe(' data-unset');
	});
});

describe('a step list written as HTML', () => {
	const steps: Step[] = [
		{
			id: 'backup',
			text: 'Take a **backup**',
			commands: [cmd('pg_dump > db.sql')],
			expect: 'a file of `db.sql`',
			notes: ['Check the size:\n\n```bash\nls -l db.sql\n```'],
			steps: [{ id: 'check', text: 'Check it', commands: [cmd('head db.sql')] }],
		},
		{
			id: 'restore',
			text: 'Restore',
			condition: 'if <the schema> changed',
			requires: ['backup'],
			alternatives: [
				{ id: 'restore-psql', title: 'psql & friends', commands: [cmd('psql < db.sql')] },
				{ id: 'restore-tool', title: 'The tool', text: 'Use the tool', steps: [{ id: 'tool-run', text: 'Run it' }] },
			],
		},
	];
	const links = (id: string) => (id === 'backup' ? { text: 'Take a "backup"', section: 'Before <now>', href: '#backup' } : undefined);
	const parts = stepListParts(steps, { ordered: true, links });
	const root = parse(parts);

	// A step's id, on its text (the item carries no copy of it: the page script reads it there).
	const stepId = (item: Element) => byClass(item, 'rs-step-text')[0]!.properties.id;

	it('is an ordered list of the steps, sub-steps nested in their step', () => {
		const [list] = elements(root, (e) => e.tagName === 'ol');
		expect(list?.properties.className).toEqual(['rs-steps']);
		const items = (list!.children as RootContent[]).filter((c): c is Element => c.type === 'element');
		expect(items.map(stepId)).toEqual(['backup', 'restore']);
		expect(items.map((e) => e.properties)).toEqual([{}, {}]);
		expect(elements(items[0]!, (e) => e.tagName === 'li').map(stepId)).toEqual(['check']);
	});

	it('names each box by the step text, written once, gives the step its id, and leaves N/A and the step’s link to the page script', () => {
		// The page writes the controls' own words once (RunBar.astro).
		const page = parse([controlLabelsHtml, ...parts]);
		const [backup, restore] = elements(page, (e) => e.tagName === 'li' && ['backup', 'restore'].includes(String(stepId(e))));
		const control = (step: Element, name: string) => byClass(step, name)[0]!;
		// What aria-labelledby reads: the text of each element it names, in order, joined by spaces.
		const named = (control: Element) =>
			(control.properties.ariaLabelledBy as string[]).map((id) => text(elements(page, (e) => e.properties.id === id)[0]!)).join(' ');
		expect(named(control(backup!, 'rs-check'))).toBe('Take a backup');
		expect(control(backup!, 'rs-check').properties.title).toBe('Ticking this ticks all 1 of its sub-steps');
		// N/A is the page script's (client/run/step-controls.ts; its name: tests/e2e/step-names.spec.ts).
		expect(byClass(page, 'rs-na')).toEqual([]);
		expect(elements(page, (e) => e.tagName === 'button')).toEqual([]);
		// So is the step's link (client/run/step-controls.ts; its name: tests/e2e/step-names.spec.ts):
		// a link to the step needs only its id, written once.
		expect(byClass(page, 'rs-anchor')).toEqual([]);
		expect(named(control(restore!, 'rs-check'))).toBe('Restore');
		expect(elements(page, (e) => e.properties.id === 'restore')).toEqual([byClass(restore!, 'rs-step-text')[0]]);
		expect(elements(root, (e) => e.tagName === 'a' && e.properties.href === '#check')).toHaveLength(0);
		expect(elements(root, (e) => e.properties.id === 'check')).toHaveLength(1);
	});

	it('shows markup in the data as text, never as elements', () => {
		expect(text(byClass(root, 'rs-optional')[0]!)).toBe('Optional: if <the schema> changed');
		const requires = byClass(root, 'rs-requires')[0]!;
		expect(text(requires)).toBe('Depends on: Take a "backup" (Before <now>)');
		expect(elements(root, (e) => e.tagName === 'the')).toHaveLength(0);
		expect(text(byClass(root, 'rs-alternative-title')[0]!)).toBe('Option A: psql & friends');
	});

	it('leaves each command block in its place, in the order the highlighting worker expects', () => {
		const commands = parts.flatMap((p) => (typeof p === 'string' ? [] : [p.command.code]));
		expect(commands).toEqual(['pg_dump > db.sql', 'ls -l db.sql', 'head db.sql', 'psql < db.sql']);
		expect(commands[0]).toBe(firstCommand([{ id: 's', title: 'S', kind: 'checklist', steps }] as never)?.code);
		// The note's block sits inside the note, after the step's own command.
		const note = byClass(root, 'rs-note')[0]!;
		expect(elements(note, (e) => e.tagName === 'pre').map((e) => e.properties.dataCommand)).toEqual(['ls -l db.sql']);
	});

	it('never has two strings in a row, so a page renders as few pieces as it can', () => {
		parts.forEach((p, i) => expect(typeof p === 'string' && typeof parts[i + 1] === 'string').toBe(false));
	});

	it('makes each step a heading on a rollback page, one level deeper per sub-list, at most h6', () => {
		const deep: Step[] = [
			{ id: 'a', text: 'A', steps: [{ id: 'b', text: 'B', steps: [{ id: 'c', text: 'C', steps: [{ id: 'd', text: 'D' }] }] }] },
		];
		const headings = elements(parse(stepListParts(deep, { ordered: false, headingLevel: 4 })), (e) => /^h\d$/.test(e.tagName));
		expect(headings.map((h) => [h.tagName, h.properties.id])).toEqual([
			['h4', 'a'],
			['h5', 'b'],
			['h6', 'c'],
			['h6', 'd'],
		]);
		// The heading carries the id, so the list item does not.
		expect(
			elements(parse(stepListParts(deep, { ordered: false, headingLevel: 4 })), (e) => e.tagName === 'li' && e.properties.id !== undefined),
		).toHaveLength(0);
	});
});

describe('the other pieces of a step', () => {
	it('a note is its prose and its code blocks, in order', () => {
		const parts = noteHtmlParts('Before\n\n```sql\nselect 1;\n```\n\nAfter');
		expect(parts).toHaveLength(3);
		expect(parts[0]).toContain('<div class="rs-note"><p>Before</p>');
		expect(parts[1]).toEqual({ command: { lang: 'sql', code: 'select 1;' }, twice: false });
		expect(parts[2]).toContain('<p>After</p>');
	});
	it('a command output is shown as text, apart from the command', () => {
		expect(commandOutputHtml({ lang: 'bash', code: 'x', output: '<ok> & done' })).toContain(
			'<pre><code>&lt;ok&gt; &amp; done</code></pre>',
		);
		expect(commandOutputHtml({ lang: 'bash', code: 'x' })).toBe('');
	});
	it('a due check says when, with its data for the page clock', () => {
		expect(dueBadgeHtml({ due: '4h' })).toMatch(/^<span class="rs-badge rs-due" data-due="4h" data-pagefind-ignore>.+<\/span>$/);
		expect(dueBadgeHtml({})).toBe('');
	});
});
