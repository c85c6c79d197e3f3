import type { Section } from '../../schema/section.ts';
import type { ImportContext } from '../context.ts';
import { proposeRoleParts } from '../role-parts.ts';
import { alertNamesFrom } from '../response.ts';
import { NO_REVIEW_DATE, NO_VERSION } from '../routine-warnings.ts';
import type { ImportedRunbook } from '../types.ts';

/**
 * The runbook from what the readers found: its header (title, system, alerts, metadata from the
 * front matter first, then from the text), its sections without the empty ones, its sign-off.
 * The passes refine it afterwards.
 */
export function assemble(ctx: ImportContext): ImportedRunbook {
	const system = systemName(ctx);
	const matter = ctx.frontMatter;
	const h1 = ctx.title;
	const stem = fileStem(ctx);
	let title = ctx.options.title ?? matter.title ?? h1 ?? stem ?? `${system} runbook`;
	// A checklist's title says which system it deploys; an alert runbook's is the alert, and a
	// document in a team's folder is titled as the team titled it.
	const guessedSystem = !matter.system && !ctx.options.folderSystem;
	if (!ctx.response && guessedSystem && !ctx.options.title && !matter.title && !title.toLowerCase().includes(system.toLowerCase()))
		title = `${system}: ${title}`;
	if (!h1 && !ctx.options.title && !matter.title)
		ctx.warnings.push(`no title in front matter and no level-1 heading: title made from the ${stem ? 'file name' : 'system name'}`);
	// A document named like an alert (`# NodeRAIDDiskFailure`, `KubeAPIDown.md`) answers it,
	// whatever shape its text has.
	const alerts = matter.alerts.length ? matter.alerts : alertNamesFrom(h1, stem, ctx.response);
	const version = matter.version ?? ctx.meta.version;
	const lastReviewed = matter.lastReviewed ?? ctx.meta.lastReviewed;
	const runbook: ImportedRunbook = {
		title,
		system,
		...(ctx.response ? { kind: 'response' as const } : {}),
		summary: matter.summary ?? ctx.summary ?? ctx.meta.purpose ?? '',
		...(alerts.length ? { alerts } : {}),
		...(matter.severity ? { severity: matter.severity } : {}),
		...(matter.aliases.length ? { aliases: matter.aliases } : {}),
		...(version ? { version } : {}),
		...(lastReviewed ? { lastReviewed } : {}),
		...(matter.order !== undefined ? { order: matter.order } : {}),
		...(matter.reviewEveryDays ? { reviewEveryDays: matter.reviewEveryDays } : {}),
		owners: matter.owners,
		tags: matter.tags,
		...(ctx.options.sourceName ? { source: ctx.options.sourceName } : {}),
		...(ctx.preamble.length ? { notes: ctx.preamble } : {}),
		sections: pruneEmpty(ctx.sections),
	};
	if (matter.summary && ctx.summary) (runbook.notes ??= []).unshift(ctx.summary);
	if (ctx.summary && ctx.meta.purpose) (runbook.notes ??= []).push(`Purpose: ${ctx.meta.purpose}`);
	if (ctx.roles.length || ctx.record.length)
		runbook.signoff = {
			roles: proposeRoleParts(
				ctx.roles,
				runbook.sections.map((section) => ({ id: section.id, title: section.title })),
			),
			record: ctx.record,
		};
	if (!runbook.version) ctx.warnings.push(NO_VERSION);
	if (!runbook.lastReviewed) ctx.warnings.push(NO_REVIEW_DATE);
	if (!ctx.sections.length) ctx.warnings.push('no sections found: the runbook needs at least one heading with steps');
	return runbook;
}

/** The system the runbook is about: as given, else guessed from the title or the file name. */
export function systemName(ctx: Pick<ImportContext, 'options' | 'frontMatter' | 'response' | 'title'>): string {
	const named = ctx.options.system ?? ctx.frontMatter.system ?? ctx.options.folderSystem;
	if (named) return named;
	// An alert runbook on its own names the alert, not the system it is about.
	if (ctx.response) return 'Alerts';
	const generic = /\b(production|deployment|deploy|checklist|launch|preparation|release|report|runbook|batch\s*\d+|and)\b|[:&\-–—]/gi;
	const fromTitle = (ctx.title ?? '').replace(generic, ' ').replace(/\s+/g, ' ').trim();
	if (/[A-Z]/.test(fromTitle)) return fromTitle;
	const fromId = (ctx.options.id ?? 'runbook')
		.replace(/-(deployment|launch|release)?-?(checklist|report|runbook)$/, '')
		.replace(/-?batch\d+/g, '')
		.split('-')
		.filter(Boolean)
		.map((w) => w[0]!.toUpperCase() + w.slice(1))
		.join(' ');
	return fromId || 'Unknown system';
}

/** The source's file name without its folder and extension, e.g. "etcdMembersDown". */
function fileStem(ctx: ImportContext): string | undefined {
	return ctx.options.sourceName
		?.split('/')
		.pop()
		?.replace(/\.(md|markdown)$/i, '');
}

/** Sections left empty once their sign-off lines moved to `signoff:` are dropped. */
function pruneEmpty(sections: Section[]): Section[] {
	return sections.filter((section) => {
		if (section.sections) section.sections = pruneEmpty(section.sections);
		if (section.sections && !section.sections.length) delete section.sections;
		return Boolean(
			section.steps?.length ||
			section.sections?.length ||
			section.notes?.length ||
			section.contacts?.length ||
			section.resources?.length ||
			section.description,
		);
	});
}
