import type { StepLinks } from '../model/links.ts';
import { CONTROL_LABELS } from '../model/control-labels.ts';
import { countSteps, isOrdered, kindBadge } from '../model/outline.ts';
import { BRIEF_KINDS, type Brief, RESPONSE_STEP_KINDS, sectionBrief } from '../model/brief.ts';
import { sectionTechniques } from '../model/rollback.ts';
import { plainText } from '../model/text.ts';
import type { Contact, Resource } from '../schema/reference.ts';
import type { Section } from '../schema/section.ts';
import type { Signoff } from '../schema/signoff.ts';
import { techniqueLabel } from '../schema/techniques.ts';
import { hasReference } from '../schema/template.ts';
import { attr, camelBreaksHtml, escapeText } from './html.ts';
import { renderInline } from './markdown.ts';
import { templateHtml } from './sheet.ts';
import { dueBadgeHtml, headingHtml, PartsWriter, type Part, writeNote, writeStepList } from './steps.ts';

/** A runbook's sections as HTML strings with their command blocks, for the reason render/steps.ts gives. */

export interface SectionOptions {
	/** Heading level of the section (h2 at the top). */
	depth: number;
	/** The runbook's record and signature lines, shown in its sign-off section. */
	signoff?: Signoff | undefined;
	links?: StepLinks | undefined;
	/** Rollback page: steps are headings and procedures show their techniques. */
	rollbackPage?: boolean | undefined;
	/** Runbook page: where this runbook's rollback page is, for a link on rollback sections. */
	rollbackHref?: string | undefined;
	/** Inside a rollback section: these steps are on the rollback page too. */
	inRollback?: boolean | undefined;
	/** A response runbook's page: Meaning and Impact show their first sentence, the rest folded (model/brief.ts). */
	brief?: boolean | undefined;
}

/** One section with its sub-sections. */
export function sectionParts(section: Section, options: SectionOptions): Part[] {
	const out = new PartsWriter();
	writeSection(out, section, options);
	return out.done();
}

function writeSection(out: PartsWriter, section: Section, options: SectionOptions): void {
	const { depth, signoff, links, rollbackPage = false, rollbackHref, inRollback = false } = options;
	const twice = rollbackPage || inRollback || section.kind === 'rollback';
	// On the runbook page rollback steps are left out of the search index: they are found, with
	// their filters, on the rollback page, and one hit per step is enough.
	const outsideIndex = !rollbackPage && section.kind === 'rollback';
	const ordered = isOrdered(section.kind);
	// On the rollback page every section rolls back: the badge would say it again and again.
	const badge = rollbackPage && section.kind === 'rollback' ? '' : kindBadge(section);
	// Only a section with something to tick shows a count and, once finished, Fold.
	const tickable = countSteps({ sections: [section] }) > 0;
	const title = plainText(section.title);
	// Unnamed on purpose: a named <section> is a landmark, and runbooks repeat titles ("Security").
	out.write(
		`<section class="rs-section"${attr('data-section', section.id)}${attr('data-kind', section.kind)}${attr('data-pagefind-ignore', outsideIndex ? 'all' : undefined)}><div class="rs-heading">`,
	);
	out.write(headingHtml(depth, attr('id', section.id), camelBreaksHtml(title)));
	// Empty where the kind goes without saying.
	out.write(
		`<span${attr('class', badge ? `rs-badge rs-kind rs-kind-${section.kind}` : 'rs-kind')} data-pagefind-ignore>${escapeText(badge ?? '')}</span>`,
	);
	out.write(dueBadgeHtml(section));
	// Filled and shown by the page script: the section's count, and Fold once it is finished.
	if (tickable) {
		out.write('<span class="rs-secprog"></span>');
		out.write('<button type="button" class="rs-fold" data-action="fold" aria-expanded="true" hidden data-pagefind-ignore>Fold</button>');
	}
	out.write(
		`<a class="rs-anchor"${attr('href', `#${section.id}`)}${attr('aria-labelledby', `${CONTROL_LABELS.section} ${section.id}`)}></a>`,
	);
	if (rollbackHref && section.kind === 'rollback') {
		out.write(`<a class="rs-rollback-link"${attr('href', `${rollbackHref}#${section.id}`)} data-pagefind-ignore>Rollback page</a>`);
	}
	out.write('</div>');
	const lead = options.brief && depth === 2 && BRIEF_KINDS.has(section.kind) ? sectionBrief(section) : undefined;
	if (lead && foldsMore(section, lead)) {
		writeBrief(out, section, lead, options);
		out.write('</section>');
		return;
	}
	const techniques = rollbackPage ? [...sectionTechniques(section)] : [];
	if (techniques.length) {
		out.write(
			`<ul class="rs-techniques" aria-label="Techniques">${techniques.map((t) => `<li class="rs-badge rs-technique">${escapeText(techniqueLabel(t))}</li>`).join('')}</ul>`,
		);
	}
	// Diagnosis or Mitigation's own words before its steps: their first sentence, the rest folded as Meaning's.
	const intro = options.brief && depth === 2 && tickable && RESPONSE_STEP_KINDS.has(section.kind) ? sectionBrief(section) : undefined;
	if (intro && introFolds(section, intro)) {
		openBrief(out, intro);
		for (const note of (section.notes ?? []).slice(intro.fromNote ? 1 : 0)) writeNote(out, note, twice);
		out.write('</div></details>');
	} else {
		writeWhen(out, section);
		if (section.description) out.write(`<p class="rs-description">${renderInline(section.description)}</p>`);
		for (const note of section.notes ?? []) writeNote(out, note, twice);
	}
	if (section.steps?.length)
		writeStepList(out, section.steps, { ordered, links, headingLevel: rollbackPage ? depth + 1 : undefined, twice });
	out.write(referenceListsHtml(section.contacts, section.resources));
	if (signoff) out.write(signoffBlockHtml(signoff, true));
	for (const child of section.sections ?? []) {
		writeSection(out, child, {
			depth: depth + 1,
			links,
			rollbackPage,
			rollbackHref: section.kind === 'rollback' ? undefined : rollbackHref,
			inRollback: twice,
		});
	}
	out.write('</section>');
}

/** An intro folds when there is more than its first sentence, and no callout or "when to use" that must stay in view. */
function introFolds(section: Section, lead: Brief): boolean {
	const notes = section.notes ?? [];
	if (section.when || notes.some((note) => /^\s*>\s*\[!/m.test(note))) return false;
	return Boolean(lead.after || notes.length > (lead.fromNote ? 1 : 0));
}

/** Whether the section holds more than its lead sentence. */
function foldsMore(section: Section, lead: Brief): boolean {
	return Boolean(
		lead.after ||
		section.when ||
		(section.notes?.length ?? 0) > (lead.fromNote ? 1 : 0) ||
		section.steps?.length ||
		section.contacts?.length ||
		section.resources?.length ||
		section.sections?.length,
	);
}

/** A fold's start: the lead sentence as its summary, then the rest of its paragraph; the caller writes the rest and closes it. */
function openBrief(out: PartsWriter, lead: Brief): void {
	out.write(`<details class="rs-brief"><summary class="rs-lead">${renderInline(lead.lead)}</summary><div class="rs-brief-more">`);
	if (lead.after) out.write(`<p>${renderInline(lead.after)}</p>`);
}

/** A section's "When to use", when it has one. */
function writeWhen(out: PartsWriter, section: Section): void {
	if (section.when) out.write(`<p class="rs-trigger"><strong>When to use:</strong> <span>${renderInline(section.when)}</span></p>`);
}

/**
 * The lead sentence as a fold's summary, everything else inside it: in the HTML (Pagefind indexes
 * it) and printed open (styles/runsheet/sections.css), one tap away on screen.
 */
function writeBrief(out: PartsWriter, section: Section, lead: Brief, options: SectionOptions): void {
	const { depth, links, rollbackHref } = options;
	openBrief(out, lead);
	writeWhen(out, section);
	for (const note of (section.notes ?? []).slice(lead.fromNote ? 1 : 0)) writeNote(out, note, false);
	if (section.steps?.length) writeStepList(out, section.steps, { ordered: isOrdered(section.kind), links, twice: false });
	out.write(referenceListsHtml(section.contacts, section.resources));
	for (const child of section.sections ?? []) writeSection(out, child, { depth: depth + 1, links, rollbackHref });
	out.write('</div></details>');
}

// Only real URLs and site paths become links; placeholders like "[Status page URL]" stay text.
const linkable = (href: string) => /^(https?:\/\/|mailto:|tel:)/i.test(href);

/** A section's contacts (a table) and resources (a list of links). */
export function referenceListsHtml(contacts: readonly Contact[] | undefined, resources: readonly Resource[] | undefined): string {
	let html = '';
	if (contacts?.length) {
		html +=
			'<table class="rs-contacts"><thead data-pagefind-ignore><tr><th scope="col">Role</th><th scope="col">Contact</th></tr></thead><tbody>';
		for (const c of contacts) html += `<tr><th scope="row">${escapeText(c.role)}</th><td>${templateHtml(c.contact)}</td></tr>`;
		html += '</tbody></table>';
	}
	if (resources?.length) {
		html += '<ul class="rs-resources">';
		for (const r of resources) {
			// An address with a {{NAME}} in it becomes a link once the run's values complete it.
			const target = hasReference(r.href)
				? `<a${attr('data-href-template', r.href)}>${templateHtml(r.href)}</a>`
				: linkable(r.href)
					? `<a${attr('href', r.href)}>${escapeText(r.href)}</a>`
					: `<code>${escapeText(r.href)}</code>`;
			html += `<li><strong>${escapeText(r.label)}</strong>: ${target}</li>`;
		}
		html += '</ul>';
	}
	return html;
}

/** The record fields and signature lines; `embedded` in the runbook's own sign-off section, without a heading. */
export function signoffBlockHtml(signoff: Signoff, embedded = false): string {
	let html = `<div class="rs-signoff"${attr('id', embedded ? 'signoff' : undefined)}>`;
	if (!embedded) {
		html += `<div class="rs-heading"><h2 id="signoff">Sign-off</h2><a class="rs-anchor" href="#signoff"${attr('aria-labelledby', `${CONTROL_LABELS.section} signoff`)}></a></div>`;
	}
	if (signoff.record.length) {
		html += '<dl class="rs-record" data-pagefind-ignore>';
		for (const field of signoff.record) {
			const value =
				field.type === 'choice'
					? `<span class="rs-choices">${(field.choices ?? []).map((choice) => `<span class="rs-choice">☐ ${escapeText(choice)}</span>`).join('')}</span>`
					: field.value
						? `<span>${escapeText(field.value)}</span>`
						: `<span${attr('class', `rs-blank rs-blank-${field.type}`)}><span class="sr-only">to be filled in</span></span>`;
			html += `<div class="rs-record-field"${attr('data-field', field.id)}><dt>${escapeText(field.label)}</dt><dd>${value}</dd></div>`;
		}
		html += '</dl>';
	}
	if (signoff.roles.length) {
		html +=
			'<table class="rs-signatures" data-pagefind-ignore><thead data-pagefind-ignore><tr><th scope="col">Role</th><th scope="col">Name</th><th scope="col">Signature</th><th scope="col">Date</th></tr></thead><tbody>';
		for (const role of signoff.roles)
			html += `<tr${attr('data-role', role.id)}><th scope="row">${escapeText(role.title)}</th><td></td><td></td><td></td></tr>`;
		html += '</tbody></table>';
	}
	return `${html}</div>`;
}
