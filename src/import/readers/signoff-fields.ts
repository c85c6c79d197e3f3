import type { RecordField } from '../../schema/signoff.ts';
import type { ImportContext } from '../context.ts';
import { type FieldLine, parseLooseDate, roleFromSignoffText } from '../fields.ts';

/**
 * A paragraph of "**Label**: value" lines (fields.ts parses them): people who sign, blanks of the
 * deployment record, or the runbook's own metadata (version, review date, purpose, summary).
 * Fields it does not know stay in the text.
 */
export function readFields(ctx: ImportContext, fields: FieldLine[]): void {
	const inSignoff = ctx.sink?.kind === 'signoff';
	// "**Deployment Lead**: ____ Date: ____" is someone who signs; "**Deployed By**: ____" a record blank.
	if (inSignoff && fields.every((f) => f.blank && f.withDate)) {
		for (const f of fields) addRole(ctx, f.label);
		return;
	}
	if (fields.some((f) => f.blank || f.choices)) {
		for (const f of fields) addRecordField(ctx, f);
		return;
	}
	let known = 0;
	for (const f of fields) {
		const label = f.label.toLowerCase();
		if (label === 'version' && !ctx.meta.version) ctx.meta.version = f.value;
		else if (/last (updated|reviewed)|^date$/.test(label) && !ctx.meta.lastReviewed && parseLooseDate(f.value))
			ctx.meta.lastReviewed = parseLooseDate(f.value);
		else if (label === 'purpose' && !ctx.meta.purpose) ctx.meta.purpose = f.value;
		// "**Summary:** …" above the first part: what the runbook is about, for the catalog.
		else if ((label === 'summary' || label === 'description') && !ctx.sink && ctx.summary === undefined && f.value) ctx.summary = f.value;
		else continue;
		known++;
	}
	// Fields we did not understand stay in the text, nothing is dropped; one per line, as
	// the author laid them out (Markdown would run them into one paragraph).
	if (known < fields.length) ctx.note(fields.map((f) => `- **${f.label}**: ${f.value}`).join('\n'));
}

/** Someone who signs the sheet, once however often the source names them. */
export function addRole(ctx: ImportContext, label: string): void {
	const title = roleFromSignoffText(label);
	if (ctx.roles.some((r) => r.title.toLowerCase() === title.toLowerCase())) return;
	ctx.roles.push({ id: ctx.roleIds.allocate(title, 'role'), title });
}

function addRecordField(ctx: ImportContext, f: FieldLine): void {
	// On a deployment record "Version" is the release being deployed, never the runbook's own
	// version: it is labelled so, and a value written in the source (the release of the day it
	// was written) is not printed on every later sheet; the run fills it in.
	const release = /^(app(lication)? |release )?version$/i.test(f.label);
	const label = release ? 'Release version' : f.label;
	const field: RecordField = { id: ctx.fieldIds.allocate(f.label, 'field'), label, type: 'text' };
	if (f.choices) {
		field.type = 'choice';
		field.choices = f.choices;
	} else if (f.extraLines > 0 || /^notes?$|comments?/i.test(label)) field.type = 'lines';
	else if (/\bdate\b/i.test(label)) field.type = 'date';
	if (f.value && !release) field.value = f.value;
	else if (f.value)
		ctx.warnings.push(
			`sign-off record: "${f.label}: ${f.value}" is read as the release of the day the source was written; the sheet fills the release from the run`,
		);
	ctx.record.push(field);
}
