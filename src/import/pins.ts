import { ID_PATTERN } from '../schema/ids.ts';

/**
 * Ids pinned in Markdown: `## Restore the database {#restore-db}` or `1. Restart the pod {#restart}`.
 * The same attribute syntax Hugo, Pandoc and kramdown read for headings. A pinned id survives a
 * rewording of the text, so links and saved progress keep working while the Markdown stays the
 * source; `npm run import -- --pin` writes them.
 */
const PIN = /\s*\{#([^\s{}]+)\}\s*$/;

/** The text without its pin, and the pinned id when it is a valid one. */
export function takePin(text: string): { text: string; id?: string; invalid?: string } {
	const match = PIN.exec(text);
	if (!match) return { text };
	const rest = text.slice(0, match.index);
	return ID_PATTERN.test(match[1]!) ? { text: rest, id: match[1]! } : { text: rest, invalid: match[1]! };
}

/** Where a pin can be written: the end of a heading or of a step's text in the source. */
export interface PinSite {
	/** Offset in the source text, just after the text the id belongs to. */
	offset: number;
	id: string;
}

/** The source with ` {#id}` written at each site (sites that already carry a pin are not listed). */
export function writePins(source: string, sites: readonly PinSite[]): string {
	let out = source;
	for (const site of [...sites].sort((a, b) => b.offset - a.offset))
		out = `${out.slice(0, site.offset)} {#${site.id}}${out.slice(site.offset)}`;
	return out;
}
