import { timingText, type Timing } from '../model/clock.ts';
import { CONTROL_LABELS } from '../model/control-labels.ts';
import type { StepLinks } from '../model/links.ts';
import { noteParts } from '../model/note-parts.ts';
import { tickableSteps } from '../model/outline.ts';
import type { Command } from '../schema/command.ts';
import type { Alternative, Step } from '../schema/step.ts';
import { attr, escapeText } from './html.ts';
import { renderInline, renderMarkdown } from './markdown.ts';

/**
 * Step lists as HTML strings. A runbook page has a hundred or more steps, each of them several
 * elements; as one Astro component per step (and per badge, note, heading and sub-list) with the
 * sections and the sheet rows written the same way, they cost 4 to 5 s of a 1,000-runbook build's
 * 20 s of rendering (docs/performance.md). Written here, a page's steps are a few strings between
 * its command blocks (components/Parts.astro), which are Starlight's own `<Code>` on the stock
 * build path. A page is the same byte for byte either way.
 */

/**
 * HTML, or a command block to put there; `twice` when it is on the runbook page and on the
 * rollback page, rendered once for both (build/highlight/command-html.ts).
 */
export type Part = string | { command: Command; twice: boolean };

export interface StepListOptions {
	/** Numbered where order matters. */
	ordered: boolean;
	/** Where `requires` ids point on this page; without it no "depends on" line. */
	links?: StepLinks | undefined;
	/** On rollback pages each step is a heading (h3-h6), so search results can point at it. */
	headingLevel?: number | undefined;
	/** In a rollback section: its command blocks are on two pages. */
	twice?: boolean | undefined;
}

/** Collects HTML, joining strings between command blocks. */
export class PartsWriter {
	readonly parts: Part[] = [];
	private html = '';

	write(html: string): void {
		this.html += html;
	}

	command(command: Command, twice: boolean): void {
		if (this.html) this.parts.push(this.html);
		this.html = '';
		this.parts.push({ command, twice });
	}

	done(): Part[] {
		if (this.html) this.parts.push(this.html);
		this.html = '';
		return this.parts;
	}
}

/** A list of steps (`<ol>` or `<ul>`), sub-steps, options and notes included. */
export function stepListParts(steps: readonly Step[], options: StepListOptions): Part[] {
	const out = new PartsWriter();
	writeStepList(out, steps, options);
	return out.done();
}

/** A note: prose as safe HTML, its code blocks as command blocks (see model/note-parts.ts). */
export function noteHtmlParts(markdown: string): Part[] {
	const out = new PartsWriter();
	writeNote(out, markdown, false);
	return out.done();
}

/** A command's example output, apart from what is copied. */
export function commandOutputHtml(command: Command): string {
	if (!command.output) return '';
	return `<div class="rs-output"><p class="rs-output-label">What it prints (an example to compare with; not copied)</p><pre><code>${escapeText(command.output)}</code></pre></div>`;
}

/** When a check is due, as the data says it; the page's clock (client/page/due-clock.ts) updates it. */
export function dueBadgeHtml(timing: Timing): string {
	const text = timingText(timing);
	if (!text) return '';
	return `<span class="rs-badge rs-due"${attr('data-due', timing.due)}${attr('data-every', timing.every)} data-pagefind-ignore>${escapeText(text)}</span>`;
}

/** A heading of the given level, clamped to h2-h6. */
export function headingHtml(level: number, attributes: string, inner: string): string {
	const tag = `h${Math.min(Math.max(level, 2), 6)}`;
	return `<${tag}${attributes}>${inner}</${tag}>`;
}

export function writeStepList(out: PartsWriter, steps: readonly Step[], options: StepListOptions): void {
	const tag = options.ordered ? 'ol' : 'ul';
	out.write(`<${tag} class="rs-steps">`);
	for (const step of steps) writeStep(out, step, options);
	out.write(`</${tag}>`);
}

export function writeNote(out: PartsWriter, markdown: string, twice: boolean): void {
	out.write('<div class="rs-note">');
	for (const part of noteParts(markdown)) {
		if ('command' in part) out.command(part.command, twice);
		else out.write(renderMarkdown(part.markdown));
	}
	out.write('</div>');
}

/** The controls' own words, written once a page (model/control-labels.ts). */
export const controlLabelsHtml = `<span id="${CONTROL_LABELS.na}" hidden>Not applicable:</span><span id="${CONTROL_LABELS.step}" hidden>Link to this step:</span><span id="${CONTROL_LABELS.section}" hidden>Link to this section:</span>`;

/** Step text that Markdown made into blocks (paragraphs, a list) rather than a line of inline HTML. */
const BLOCK_START = /^<(?:p|ul|ol|pre|blockquote|table|div|h[1-6]|hr)[\s>]/;

function writeStep(out: PartsWriter, step: Step, options: StepListOptions): void {
	const { headingLevel, links, twice = false } = options;
	// A group's box ticks its sub-steps: say so where the pointer looks; a screen reader reads the
	// title as the box's description, its name being the step's text.
	const groupHint = step.steps?.length ? `Ticking this ticks all ${tickableSteps(step.steps).length} of its sub-steps` : undefined;
	const text = renderInline(step.text);
	// The step's text carries its id: it names the box, N/A and the link (aria-labelledby), and is
	// where a link to the step arrives. One id a step: Pagefind records every id in the text it
	// indexes, and more ids cost it time (bench). On rollback pages the text is a heading, so
	// Pagefind makes a sub-result, and a link, of each step. The item itself carries nothing: the
	// page's script finds a step's id in its text (client/run/dom-steps.ts), where a third copy of
	// every id cost a long runbook page 6.6 KB (0.85 KB gzipped).
	out.write('<li><div class="rs-step-row">');
	// The box has no text and no id: Pagefind takes nothing from it, so it needs no data-pagefind-ignore.
	// autocomplete="off": the browser does not restore its state (going back), so a box checked
	// when the page's script starts was ticked by the reader (client/run/progress-page.ts).
	out.write(`<input class="rs-check" type="checkbox" autocomplete="off"${attr('aria-labelledby', step.id)}${attr('title', groupHint)}>`);
	const textAttributes = ` class="rs-step-text"${attr('id', step.id)}`;
	// Pagefind keeps, for every element with an id, the text written in it or in its inline
	// elements; only a heading's is used (a sub-result's title). Inside a paragraph, a runbook page's
	// step text is left out of that, and the page's search fragment keeps each step's text once.
	const paragraph = BLOCK_START.test(text) ? text : `<p>${text}</p>`;
	out.write(headingLevel ? headingHtml(headingLevel, textAttributes, text) : `<div${textAttributes}>${paragraph}</div>`);
	out.write(dueBadgeHtml(step));
	if (step.optional || step.condition) {
		const optional = step.condition ? `Optional: ${step.condition}` : 'Optional';
		out.write(`<span class="rs-badge rs-optional">${escapeText(optional)}</span>`);
	}
	// N/A and the step's link are made by the page script (client/run/step-controls.ts):
	// without it N/A would do nothing, and the two were a quarter of a long runbook's page (36 KB of
	// yogaflow's 165). The id above is what a link to the step needs.
	out.write('</div>');
	// What confirms the step: read before ticking, beside the words it confirms.
	if (step.expect)
		out.write(`<p class="rs-expect"><span class="rs-expect-label">Expect:</span> <span>${renderInline(step.expect)}</span></p>`);
	if (step.details?.length) out.write(`<ul class="rs-details">${step.details.map((d) => `<li>${renderInline(d)}</li>`).join('')}</ul>`);
	const requires = (step.requires ?? []).flatMap((id) => links?.(id) ?? []);
	if (requires.length) {
		const items = requires.map(
			(link) =>
				`<a${attr('href', link.href)}>${escapeText(link.text)}</a> <span class="rs-requires-where">(${escapeText(link.section)})</span>`,
		);
		out.write(`<p class="rs-requires">Depends on: ${items.join('; ')}</p>`);
	}
	for (const command of step.commands ?? []) out.command(command, twice);
	// After the commands: what to look for in what they print, what to do next.
	for (const note of step.notes ?? []) writeNote(out, note, twice);
	if (step.alternatives?.length) writeAlternatives(out, step.alternatives, step.id, options.ordered, twice);
	if (step.steps?.length) writeStepList(out, step.steps, { ...options, headingLevel: headingLevel && headingLevel + 1 });
	out.write('</li>');
}

/** Every option is readable and printable as is; the client script turns them into tabs. */
function writeAlternatives(out: PartsWriter, alternatives: readonly Alternative[], stepId: string, ordered: boolean, twice: boolean): void {
	out.write(`<div class="rs-alternatives"${attr('data-alternatives', stepId)}><p class="rs-alternatives-label">Do one of:</p>`);
	alternatives.forEach((alt, i) => {
		out.write(
			`<div class="rs-alternative"${attr('id', alt.id)}${attr('data-alternative', alt.id)}><p class="rs-alternative-title"${attr('id', `${alt.id}--title`)}><span class="rs-alternative-letter">Option ${String.fromCharCode(65 + i)}:</span> ${escapeText(alt.title)}</p>`,
		);
		if (alt.text) writeNote(out, alt.text, twice);
		for (const command of alt.commands ?? []) out.command(command, twice);
		if (alt.steps?.length) writeStepList(out, alt.steps, { ordered, twice });
		out.write('</div>');
	});
	out.write('</div>');
}
