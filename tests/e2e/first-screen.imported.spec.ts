import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { axe } from '../support/axe.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PHONE } from '../support/layout.ts';
import { expect, newContext, test } from '../support/test.ts';

/**
 * Issue 36: on a phone, the first screen of an alert runbook shows what to do. Every
 * prometheus-operator alert runbook of the imported site (npm run test:imported-site) that has steps,
 * at 390×844, light and dark: step 1 of Diagnosis (or Mitigation, whichever comes first with
 * steps), its box and its first command line, fully on the first screen, on 90% of them at least.
 */
const FOLDER = '.test-sites/imported/runbooks/prometheus-operator-runbooks';

interface SourceStep {
	id: string;
	commands?: unknown[];
}
interface SourceSection {
	kind?: string;
	steps?: SourceStep[];
	sections?: SourceSection[];
}

/** The first step of a section's own steps, else of its sub-sections', as the page shows them. */
function firstStep(section: SourceSection): SourceStep | undefined {
	return section.steps?.[0] ?? section.sections?.map(firstStep).find(Boolean);
}

/** Step 1 of Diagnosis or Mitigation, whichever comes first with steps (in it or in its sub-sections). */
function firstResponseStep(sections: SourceSection[] = []): SourceStep | undefined {
	for (const section of sections) {
		const step = section.kind === 'diagnosis' || section.kind === 'mitigation' ? firstStep(section) : firstResponseStep(section.sections);
		if (step) return step;
	}
	return undefined;
}

/** The alert runbooks as imported (their YAML): each page's address and the id of its step 1. */
const alertRunbooks = readdirSync(FOLDER, { recursive: true, encoding: 'utf8' })
	.filter((file) => file.endsWith('.yaml'))
	.flatMap((file) => {
		const runbook = parse(readFileSync(join(FOLDER, file), 'utf8')) as { kind?: string; alerts?: string[]; sections?: SourceSection[] };
		const step = runbook.kind === 'response' && runbook.alerts?.length ? firstResponseStep(runbook.sections) : undefined;
		return step ? [{ id: file.replace(/^.*\//, '').replace(/\.yaml$/, ''), step: step.id, command: Boolean(step.commands?.length) }] : [];
	});

test('step 1 and its first command line are on a phone’s first screen on 90% of the alert runbooks, light and dark', async ({
	browser,
}) => {
	test.setTimeout(240_000);
	expect(alertRunbooks.length, 'the corpus’s alert runbooks with steps').toBeGreaterThanOrEqual(40);
	const context = await newContext(browser, { viewport: PHONE });
	const page = await context.newPage();
	const misses: { id: string; scheme: string; below: number }[] = [];
	for (const { id, step, command } of alertRunbooks) {
		const response = await page.goto(`/runbooks/${id}/`, { waitUntil: 'domcontentloaded' }).catch((e: Error) => {
			throw new Error(`${id}: ${e.message}`);
		});
		expect(response!.status(), id).toBe(200);
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			// How far below the screen's bottom (or above its top) step 1's row and first command line reach.
			const below = await page.evaluate(
				([stepId, command]) => {
					const step = document.querySelector(`li:has(> .rs-step-row > [id="${CSS.escape(stepId)}"])`);
					if (!step) return Infinity;
					// The step's own first command line, not a sub-step's.
					const line = [...step.querySelectorAll('.ec-line')].find((l) => l.closest('.rs-steps > li') === step);
					if (command && !line) return Infinity;
					let worst = -Infinity;
					for (const part of [step.querySelector('.rs-step-row'), line]) {
						if (!part) continue;
						const rect = part.getBoundingClientRect();
						if (rect.height === 0) return Infinity;
						worst = Math.max(worst, rect.bottom - innerHeight, -rect.top);
					}
					return worst;
				},
				[step, command] as const,
			);
			if (below > 0) misses.push({ id, scheme, below });
		}
	}
	await context.close();
	const visits = alertRunbooks.length * 2;
	const shown = visits - misses.length;
	const worst = misses
		.sort((a, b) => b.below - a.below)
		.slice(0, Number(process.env.A_WORST ?? 5))
		.map((m) => `${m.id} (${m.scheme}, ${m.below === Infinity ? 'not found' : `${Math.round(m.below)} px below`})`);
	console.log(
		`First screen at 390×844: step 1 with its first command line fully shown on ${shown} of ${visits} visits (${alertRunbooks.length} alert runbooks, light and dark, ${Math.round((shown / visits) * 100)}%)${worst.length ? `; worst: ${worst.join(', ')}` : ''}`,
	);
	expect(shown / visits).toBeGreaterThanOrEqual(0.9);
});

/** The runbooks titled by one long CamelCase alert name (the observatorium playbook's), from their YAML. */
const CONTENT = '.test-sites/imported/runbooks';
const camelTitled = readdirSync(CONTENT, { recursive: true, encoding: 'utf8' })
	.filter((file) => file.endsWith('.yaml'))
	.flatMap((file) => {
		const { title } = parse(readFileSync(join(CONTENT, file), 'utf8')) as { title?: string };
		return title && /^[A-Za-z0-9]{36,}$/.test(title) && /[a-z][A-Z]/.test(title)
			? [{ id: file.replace(/^.*\//, '').replace(/\.yaml$/, ''), title }]
			: [];
	})
	.slice(0, 8);

test('a long alert name in a title breaks between its words on a phone, never mid-word', async ({ page }) => {
	expect(camelTitled.length, 'titles that are one long alert name').toBeGreaterThanOrEqual(3);
	await page.setViewportSize(PHONE);
	for (const { id, title } of camelTitled) {
		await page.goto(`/runbooks/${id}/`, { waitUntil: 'domcontentloaded' });
		// Where each line of the title starts: the first letter drawn lower than the one before it.
		const starts = await page.locator('h1#_top').evaluate((h1) => {
			const found: number[] = [];
			let index = 0;
			let top: number | undefined;
			const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				for (let i = 0; i < node.textContent!.length; i++, index++) {
					const range = document.createRange();
					range.setStart(node, i);
					range.setEnd(node, i + 1);
					const rect = range.getClientRects()[0];
					if (!rect) continue;
					if (top !== undefined && rect.top > top + 2) found.push(index);
					top = rect.top;
				}
			}
			return found;
		});
		expect(await page.locator('h1#_top').textContent(), id).toBe(title);
		expect(starts.length, `${title} wraps on a phone`).toBeGreaterThan(0);
		// A word of the name starts with a capital after a lower-case letter or a digit, or is the
		// last capital of an acronym before a lower-case letter (GRPC|Requests).
		for (const at of starts) {
			const [before, first, next] = [title[at - 1]!, title[at]!, title[at + 1] ?? ''];
			const boundary = /[A-Z]/.test(first) && (/[a-z0-9]/.test(before) || (/[A-Z]/.test(before) && /[a-z]/.test(next)));
			expect(boundary, `${title} breaks at ${title.slice(0, at)}|${title.slice(at)}`).toBe(true);
		}
	}
});

test('folded Meaning, Impact and facts are one tap away, printed open without JavaScript, and searchable', async ({ browser, page }) => {
	const file = join(FOLDER, 'kubernetes/kube-stateful-set-replicas-mismatch.yaml');
	const runbook = parse(readFileSync(file, 'utf8')) as { sections: { id: string; notes?: string[] }[] };
	// Meaning's last paragraph: folded behind its first sentence.
	const folded = runbook.sections
		.find((s) => s.id === 'meaning')!
		.notes!.at(-1)!
		.replace(/\s+/g, ' ');
	const squash = (text: string) => text.replace(/\s+/g, '');

	const context = await newContext(browser, { javaScriptEnabled: false, viewport: PHONE });
	const noScript = await context.newPage();
	await noScript.goto('/runbooks/kube-stateful-set-replicas-mismatch/');
	const fold = noScript.locator('#meaning').locator('xpath=ancestor::section[1]').locator('details.rs-brief');
	await expect(fold.getByText(folded.slice(0, 40))).toBeHidden();
	await expect(noScript.locator('.rs-meta-fold .rs-meta')).toBeHidden();
	await fold.locator('summary').click();
	await expect(fold.getByText(folded.slice(0, 40))).toBeVisible();
	await fold.locator('summary').click();

	const pdf = await noScript.pdf({ format: 'A4' });
	await context.close();
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
	let text = '';
	for (let n = 1; n <= doc.numPages; n++) {
		const items = (await (await doc.getPage(n)).getTextContent()).items as { str?: string }[];
		text += items.map((i) => i.str ?? '').join(' ');
	}
	expect(squash(text)).toContain(squash(folded));
	expect(squash(text)).toContain(squash('Runbook version'));

	// Pagefind indexed the folded words: a search for them finds the runbook.
	await page.goto('/runbooks/');
	const urls = await page.evaluate(async (query) => {
		// @ts-expect-error: served by the built site
		const pagefind = await import('/pagefind/pagefind.js');
		const { results } = await pagefind.search(query);
		return Promise.all(results.slice(0, 10).map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url));
	}, folded.split(' ').slice(0, 12).join(' '));
	expect(urls).toContain('/runbooks/kube-stateful-set-replicas-mismatch/');
});

test('axe finds no violations on an alert runbook’s folded page on a phone, light and dark', async ({ page }) => {
	test.slow();
	await page.setViewportSize(PHONE);
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/runbooks/kube-stateful-set-replicas-mismatch/');
		const results = await axe(page, scheme).analyze();
		expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
	}
});
