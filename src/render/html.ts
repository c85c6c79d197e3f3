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

// Where a CamelCase name may break: before a capital after a lower-case letter or a digit
// (Kube|Stateful), before the last capital of an acronym (GRPC|Requests).
const CAMEL_BREAK = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g;
/** Words shorter than this fit a phone's line: they are left whole. */
const LONG_WORD = 16;

/**
 * Text as HTML text with a <wbr> at the CamelCase boundaries of its long words, so an alert's name
 * in a title breaks between its words on a narrow screen (KubeStatefulSet|ReplicasMismatch), never
 * mid-word. The text a reader copies or a search indexes is unchanged.
 */
export function camelBreaksHtml(text: string): string {
	return text
		.split(/(\s+)/)
		.map((word) => (word.length < LONG_WORD ? escapeText(word) : word.split(CAMEL_BREAK).map(escapeText).join('<wbr>')))
		.join('');
}
