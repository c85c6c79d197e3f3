import { timingText, type Timing } from '../model/clock.ts';
import { onSheet, sheetRows } from '../model/sheet.ts';
import { countedSteps } from '../model/sheet-summary.ts';
import { plainText } from '../model/text.ts';
import type { Section } from '../schema/section.ts';
import type { Step } from '../schema/step.ts';
import { splitTemplate } from '../schema/template.ts';
import { blankVariableHtml, blankVariables } from './blank-variables.ts';
import { attr, escapeText } from './html.ts';
import { renderInline } from './markdown.ts';
import { headingHtml } from './steps.ts';

/** The sign-off sheet's sections and rows as HTML strings, for the reason render/steps.ts gives: a row per step. */

export interface TemplateOptions {
	/** On paper: a value not given is a line to write on, with its label under it, never `{{NAME}}`. */
	blank?: boolean | undefined;
	/** Variable labels by name, for the blank lines. */
	labels?: Readonly<Record<string, string>> | undefined;
}

/** Plain text with its `{{NAME}}` references as elements the page fills in (contacts, links, sheet commands). */
export function templateHtml(text: string, { blank = false, labels = {} }: TemplateOptions = {}): string {
	return splitTemplate(text)
		.map((part) => {
			if (typeof part === 'string') return escapeText(part);
			if (blank) return blankVariableHtml(part.name, labels);
			return `<span class="rs-var"${attr('data-var', part.name)} data-state="unset"${attr('data-unset', part.shell ? part.unset : undefined)}>${escapeText(part.unset)}</span>`;
		})
		.join('');
}

/** When a monitoring check is due: "4 h after deployment" blank, its clock time once filled from a run (signoff-sheet.ts). */
export function sheetDueHtml(timing: Timing): string {
	const text = timingText(timing);
	if (!text) return '';
	return `<span class="sheet-due" data-sheet-due${attr('data-due', timing.due)}${attr('data-every', timing.every)}${attr('data-text', text)}>(${escapeText(text)})</span>`;
}

const sheetCommand = (code: string, labels: Readonly<Record<string, string>>) =>
	`<pre class="sheet-cmd">${templateHtml(code, { blank: true, labels })}</pre>`;

/** How a filled sheet counts a row: a step the run counts, or a group marked from its counted sub-steps. */
export interface RowCount {
	counted?: boolean | undefined;
	leaves?: readonly string[] | undefined;
}

/** One row of the sheet: a box, the step with what it expects, initials and time to write in. */
export function sheetRowHtml(step: Step, depth: number, labels: Readonly<Record<string, string>>, count: RowCount = {}): string {
	const inline = (markdown: string) => blankVariables(renderInline(markdown), labels);
	// A row is written for every step of every sheet, so it carries what the page's script and the
	// sheet's styles read and nothing twice: the cells are styled by their data-* attributes, a
	// row at the top level needs no depth (steps.css defaults it to 0).
	let html = `<div class="sheet-step"${attr('data-sheet-step', step.id)}${attr('style', depth ? `--depth:${depth}` : undefined)}${count.counted ? ' data-counted' : ''}${attr('data-leaves', count.leaves?.join(' '))}><span data-box aria-hidden="true"></span><div class="sheet-text">`;
	html += `${inline(step.text)}${sheetDueHtml(step)}`;
	if (step.optional || step.condition)
		html += `<em class="sheet-optional"> (optional${escapeText(step.condition ? `: ${step.condition}` : '')})</em>`;
	html += '<span data-reason></span>';
	// As a filled form's "expected / actual": what should be seen, and room to write what was.
	if (step.expect) {
		html += `<span class="sheet-expect"><span><em>Expected:</em> <span>${inline(step.expect)}</span></span><span class="sheet-actual"><em>Actual:</em><span class="sheet-actual-line"></span></span></span>`;
	}
	for (const command of step.commands ?? []) html += sheetCommand(command.code, labels);
	if (step.alternatives?.length) {
		html += '<div class="sheet-alts"><strong>Do one of:</strong>';
		step.alternatives.forEach((alt, i) => {
			html += `<div class="sheet-alt"><span class="sheet-alt-box" aria-hidden="true"></span>Option ${String.fromCharCode(65 + i)}: ${escapeText(alt.title)}`;
			for (const command of alt.commands ?? []) html += sheetCommand(command.code, labels);
			html += '</div>';
		});
		html += '</div>';
	}
	return `${html}</div><span data-initials></span><span data-time></span></div>`;
}

/** One section of the sheet with its rows and sub-sections; `part` is the top-level section it prints with. */
export function sheetSectionHtml(section: Section, depth: number, part: string, labels: Readonly<Record<string, string>>): string {
	const inline = (markdown: string) => blankVariables(renderInline(markdown), labels);
	const [first, ...rest] = sheetRows(section.steps);
	const counted = new Set(countedSteps(section.steps));
	const count = (step: Step): RowCount => ({
		counted: counted.has(step.id),
		leaves: step.steps?.length ? countedSteps(step.steps) : undefined,
	});
	// The heading travels with the first row, so it never ends a page alone.
	let html = `<section class="sheet-section"${attr('data-part', part)}><div class="sheet-keep">`;
	html += headingHtml(depth, ' class="sheet-heading"', escapeText(plainText(section.title))) + sheetDueHtml(section);
	if (section.when) html += `<p class="sheet-desc"><strong>When to use:</strong> <span>${inline(section.when)}</span></p>`;
	if (section.description) html += `<p class="sheet-desc">${inline(section.description)}</p>`;
	if (first) {
		html += '<div class="sheet-cols" aria-hidden="true"><span>Done</span><span>Step</span><span>Initials</span><span>Time</span></div>';
		html += sheetRowHtml(first.step, first.depth, labels, count(first.step));
	}
	html += '</div>';
	for (const row of rest) html += sheetRowHtml(row.step, row.depth, labels, count(row.step));
	// Contacts print once, in the sheet's own block, whichever part is printed.
	for (const child of section.sections?.filter(onSheet) ?? []) html += sheetSectionHtml(child, depth + 1, part, labels);
	return `${html}</section>`;
}
