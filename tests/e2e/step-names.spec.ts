import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';

/**
 * What a screen reader says of each step's controls, as Chromium's accessibility tree has it: the
 * box is named by the step's text, N/A "Not applicable: <text>", the step's link "Link to this
 * step: <text>", a section's link "Link to this section: <title>"; a group's box describes what
 * ticking it does. The expected words come from the runbooks' YAML, read here with their Markdown
 * taken off by hand (code spans and bold are all the bundled step texts use), never from a page.
 */

interface SourceStep {
	id: string;
	text: string;
	steps?: SourceStep[];
	alternatives?: { steps?: SourceStep[] }[];
}
interface SourceSection {
	id: string;
	title: string;
	kind: string;
	steps?: SourceStep[];
	sections?: SourceSection[];
}

const FOLDER = 'content/runbooks';
const RUNBOOKS = readdirSync(FOLDER)
	.filter((file) => file.endsWith('.yaml'))
	.map((file) => ({
		id: file.replace(/\.yaml$/, ''),
		...(load(readFileSync(`${FOLDER}/${file}`, 'utf8')) as { sections: SourceSection[] }),
	}));

/** The words of inline Markdown as a page shows them: a code span's content as written, bold's markers gone. */
const words = (markdown: string) =>
	markdown
		.split(/(`[^`]*`)/)
		.map((part, i) => (i % 2 ? part.slice(1, -1) : part.replaceAll('**', '')))
		.join('');

/** Sub-steps a group's box ticks: the leaves under it, outside "do one of" options. */
const leaves = (steps: SourceStep[]): number => steps.reduce((n, s) => n + (s.steps?.length ? leaves(s.steps) : 1), 0);

function stepsOf(steps: SourceStep[] | undefined, out: Map<string, SourceStep>): void {
	for (const step of steps ?? []) {
		out.set(step.id, step);
		stepsOf(step.steps, out);
		for (const alt of step.alternatives ?? []) stepsOf(alt.steps, out);
	}
}

function walk(sections: SourceSection[], steps: Map<string, SourceStep>, titles: Map<string, string>): void {
	for (const section of sections) {
		titles.set(section.id, section.title);
		stepsOf(section.steps, steps);
		walk(section.sections ?? [], steps, titles);
	}
}

/** Chromium's name and description of the element a selector finds. */
async function axOf(cdp: CDPSession, root: number, selector: string): Promise<{ name: string; description: string } | undefined> {
	const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root, selector });
	if (!nodeId) return undefined;
	const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
	const node = nodes[0]!;
	return { name: String(node.name?.value ?? ''), description: String(node.description?.value ?? '') };
}

async function open(page: Page, path: string) {
	await page.goto(path);
	// The page script has run: N/A shows, the boxes are live.
	await expect(page.locator('.rs-js')).toHaveCount(1);
	// The option tabs come in a chunk of their own after the page script: panels shown before it
	// came were hidden again when it made them tabs (seen once in CI, the names of a hidden
	// option's steps then empty). Every block of two or more options is tabs first.
	await expect
		.poll(() =>
			page
				.locator('.rs-alternatives')
				.evaluateAll(
					(blocks) =>
						blocks.filter((b) => !b.hasAttribute('data-tabs') && b.querySelectorAll(':scope > .rs-alternative').length > 1).length,
				),
		)
		.toBe(0);
	// Every option's steps, not only the tab shown: a hidden tab's steps are out of the tree until chosen.
	await page
		.locator('.rs-alternative[role="tabpanel"]')
		.evaluateAll((panels) => panels.forEach((p) => ((p as HTMLElement).hidden = false)));
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Accessibility.enable');
	const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
	return { cdp, root: root.nodeId };
}

for (const runbook of RUNBOOKS) {
	const steps = new Map<string, SourceStep>();
	const titles = new Map<string, string>();
	walk(runbook.sections, steps, titles);
	for (const kind of ['runbook', 'rollback'] as const) {
		const path = `/${kind === 'runbook' ? 'runbooks' : 'rollback'}/${runbook.id}/`;
		const hasRollback = runbook.sections.some(function rolls(s): boolean {
			return s.kind === 'rollback' || (s.sections ?? []).some(rolls);
		});
		if (kind === 'rollback' && !hasRollback) continue;
		test(`each step's box, N/A and link on ${path} are named by its text from the YAML`, async ({ page }) => {
			test.slow();
			const { cdp, root } = await open(page, path);
			const onPage = await page
				.locator('.rs-steps > li')
				.evaluateAll((els) => els.map((el) => el.querySelector(':scope > .rs-step-row > .rs-step-text')!.id));
			if (kind === 'runbook') expect(onPage.sort()).toEqual([...steps.keys()].sort());
			else expect(onPage.length).toBeGreaterThan(0);
			const wrong: string[] = [];
			for (const id of onPage) {
				const step = steps.get(id);
				if (!step) {
					wrong.push(`${id}: not in the YAML`);
					continue;
				}
				const text = words(step.text);
				const row = `li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row`;
				const expected = [
					[`${row} > .rs-check`, text, step.steps?.length ? `Ticking this ticks all ${leaves(step.steps)} of its sub-steps` : ''],
					[`${row} > .rs-na`, `Not applicable: ${text}`, 'Mark not applicable (a)'],
					[`${row} > .rs-anchor`, `Link to this step: ${text}`, ''],
				] as const;
				for (const [selector, name, description] of expected) {
					const got = await axOf(cdp, root, selector);
					if (got?.name !== name || got.description !== description)
						wrong.push(`${selector}: ${JSON.stringify(got)}, expected ${JSON.stringify({ name, description })}`);
				}
			}
			for (const [id, title] of titles) {
				const got = await axOf(cdp, root, `.rs-heading:has(> [id="${id}"]) > .rs-anchor`);
				if (got && got.name !== `Link to this section: ${words(title)}`) wrong.push(`section ${id}: ${JSON.stringify(got)}`);
			}
			expect(wrong).toEqual([]);
		});
	}
}
