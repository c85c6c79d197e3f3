/** Pure helpers for the printable sign-off sheet. */

/** Text made safe inside a CSS string in a <style> element (quotes, backslashes, "</style"). */
export function cssString(text: string): string {
	return `"${text.replace(/[\\"\n\r<>]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

export type Paper = 'A4' | 'letter';

/** The @page rules: paper, margins ordinary printers handle, and on every page the runbook,
 * its version, the run and "Page X of Y" so loose pages can be put back in order. */
export function pageRules(paper: Paper, header: string, runLabel: string): string {
	return (
		`@page{size:${paper === 'letter' ? 'letter' : 'A4'};margin:16mm 14mm 17mm;` +
		`@top-left{content:${cssString(header)};font:9pt system-ui,sans-serif}` +
		`@top-right{content:${cssString(runLabel)};font:9pt system-ui,sans-serif}` +
		`@bottom-right{content:"Page " counter(page) " of " counter(pages);font:9pt system-ui,sans-serif}}`
	);
}

/** "Payments API deployment · version 1.2.0"; a runbook without a version says so. */
export function sheetHeader(title: string, version: string | undefined): string {
	return version ? `${title} · version ${version}` : `${title} · unversioned`;
}

export interface SheetRow<S> {
	step: S;
	depth: number;
}

/** Steps in reading order with their depth: each becomes one row on the sheet. */
export function sheetRows<S extends { steps?: S[] | undefined; alternatives?: { steps?: S[] | undefined }[] | undefined }>(
	steps: S[] | undefined,
	depth = 0,
): SheetRow<S>[] {
	return (steps ?? []).flatMap((step) => [
		{ step, depth },
		...(step.alternatives ?? []).flatMap((alt) => sheetRows(alt.steps, depth + 1)),
		...sheetRows(step.steps, depth + 1),
	]);
}

interface SheetSectionContent {
	steps?: unknown[] | undefined;
	description?: string | undefined;
	sections?: SheetSectionContent[] | undefined;
}

/**
 * Whether a section has anything to print on a sheet: steps to tick, a line describing it,
 * contacts, or a sub-section that has. Prose (an alert runbook's Meaning and Impact, a list of
 * dashboards) is read on the page; on paper it would be a heading over nothing.
 */
export function onSheet(section: SheetSectionContent): boolean {
	// Contacts are not counted: they print once, in the sheet's own block.
	return Boolean(section.steps?.length || section.description || section.sections?.some(onSheet));
}

/** The variable that holds the release being deployed, by the names teams give it. */
const RELEASE_NAMES = ['RELEASE_VERSION', 'RELEASE', 'VERSION', 'APP_VERSION', 'IMAGE_TAG', 'TAG'];

export function releaseVariable(variables: readonly { name: string }[] | undefined): string | undefined {
	const names = new Set((variables ?? []).map((v) => v.name));
	return RELEASE_NAMES.find((name) => names.has(name));
}

/** What a record field means, for the defaults a run can honestly give it. */
export type RecordMeaning = 'date' | 'by' | 'release' | 'status' | 'other';

export function recordMeaning(field: { label: string; type: string }): RecordMeaning {
	if (/^(app(lication)? |release )?version$|^release( version)?$/i.test(field.label.trim())) return 'release';
	if (field.type === 'date' || /\bdate\b/i.test(field.label)) return 'date';
	if (/\b(by|operator|deployer|engineer)\b/i.test(field.label)) return 'by';
	if (field.type === 'choice' || /\b(status|outcome|result)\b/i.test(field.label)) return 'status';
	return 'other';
}

/** What the run says of a field nobody filled in: when it started, who ran it, the release it deploys. */
export function recordDefault(meaning: RecordMeaning, run: { day?: string; operator?: string; release?: string }): string | undefined {
	return meaning === 'date' ? run.day : meaning === 'by' ? run.operator : meaning === 'release' ? run.release : undefined;
}

/**
 * Who signs a sheet printed whole or for one part: a role tied to parts (`parts:`) signs those;
 * a role tied to none signs the whole sheet, and the first such role (the lead) every part too,
 * so a rollback printed alone asks its lead to sign, not the product owner.
 */
export function signsPart(role: { parts?: readonly string[] | undefined }, index: number, part: string | undefined): boolean {
	if (!part) return true;
	return role.parts ? role.parts.includes(part) : index === 0;
}
