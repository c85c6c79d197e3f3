/**
 * The smallest HTML writer: what the step lists need to be written as strings (render/steps.ts)
 * instead of one Astro component per step. It escapes exactly as Astro does, so a page is the same
 * byte for byte whichever writes it: text escapes & < > ' ", attribute values & and ".
 */

const TEXT = /[&<>'"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text as HTML text. */
export function escapeText(text: string): string {
	return text.replace(TEXT, (c) => ENTITY[c]!);
}

/**
 * One attribute, with its leading space: nothing for undefined or false, the bare name for true
 * or an empty string (as Astro writes them), else name="value".
 */
export function attr(name: string, value: string | number | boolean | undefined): string {
	if (value === undefined || value === false) return '';
	if (value === true || value === '') return ` ${name}`;
	const text = String(value);
	// Most values need no escaping; looking first is cheaper than replacing (a page has thousands).
	return ` ${name}="${text.includes('&') || text.includes('"') ? text.replaceAll('&', '&amp;').replaceAll('"', '&quot;') : text}"`;
}
