import type { List } from 'mdast';
import type { Contact, Resource } from '../../schema/reference.ts';
import type { ImportContext, Sink } from '../context.ts';
import { parseLabelled } from '../fields.ts';

/**
 * Contacts and resources: a list whose every item is "**Role**: contact" (under a contacts or
 * escalation heading) or "**Label**: link" (any other reference heading). Any other list is not
 * one, and false leaves it to the list reader.
 */
export function readReferenceList(ctx: ImportContext, node: List, sink: Sink): boolean {
	const section = sink.section;
	if (!section) return false;
	const entries = node.children.map((item) => {
		const first = item.children[0];
		return item.children.length === 1 && first?.type === 'paragraph' ? parseLabelled(ctx.inlineSource(first.children)) : undefined;
	});
	if (entries.some((e) => !e)) return false;
	const isContacts = /contact/i.test(section.title) || section.kind === 'escalation';
	for (const entry of entries as { label: string; value: string }[]) {
		if (isContacts) (section.contacts ??= []).push({ role: entry.label, contact: entry.value } satisfies Contact);
		else (section.resources ??= []).push({ label: entry.label, href: entry.value.replace(/^`(.*)`$/, '$1') } satisfies Resource);
	}
	ctx.lastStep = undefined;
	return true;
}
