/**
 * Reading "**Label**: value" lines: the metadata of a document ("**Version**: 1.0"), the record
 * block of a sign-off ("**Deployed By**: ____", "**Status:** [ ] Successful [ ] Rolled Back") and
 * sign-off lines ("**Deployment Lead**: ____ Date: ____"). These are the text of one paragraph
 * that the Markdown parser already isolated; only the label/value split happens here.
 */

export interface FieldLine {
	label: string;
	value: string;
	/** The value is a write-in blank ("____"). */
	blank: boolean;
	/** "[ ] A [ ] B" choices, when the value is a set of boxes. */
	choices?: string[];
	/** A "Date: ____" blank follows the label on the same line. */
	withDate: boolean;
	/** Lines of underscores that follow (a multi-line write-in, e.g. Notes). */
	extraLines: number;
}

const LABEL_LINE = /^\*\*([^*]+?)\*\*\s*:?\s*(.*)$/;
const BLANK = /^_{3,}$/;
const ONLY_UNDERSCORES = /^[_\s]+$/;

function parseValue(raw: string): Omit<FieldLine, 'label' | 'extraLines'> {
	let value = raw.trim();
	let withDate = false;
	const date = /\s*\bDate\s*:\s*_{3,}\s*$/i.exec(value);
	if (date) {
		withDate = true;
		value = value.slice(0, date.index).trim();
	}
	const boxes = [...value.matchAll(/\[ \]\s*([^[\]]+?)\s*(?=\[ \]|$)/g)].map((m) => m[1]!.trim());
	if (boxes.length >= 2) return { value: '', blank: true, choices: boxes, withDate };
	return { value: BLANK.test(value) ? '' : value, blank: BLANK.test(value) || (withDate && value === ''), withDate };
}

/**
 * Reads a paragraph made only of "**Label**: value" lines (and underscore lines continuing the
 * previous field). Returns undefined when any line is something else: then it is prose.
 */
export function parseFieldLines(paragraphSource: string): FieldLine[] | undefined {
	const lines = paragraphSource
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	const fields: FieldLine[] = [];
	for (const line of lines) {
		if (ONLY_UNDERSCORES.test(line) && fields.length) {
			const last = fields.at(-1)!;
			last.extraLines++;
			last.blank = true;
			continue;
		}
		const match = LABEL_LINE.exec(line);
		if (!match) return undefined;
		const label = match[1]!.replace(/:\s*$/, '').trim();
		fields.push({ label, extraLines: 0, ...parseValue(match[2] ?? '') });
	}
	return fields.length ? fields : undefined;
}

/** A single "**Label**: value" text, as in "- **On-Call Engineer**: [Name/Contact]". */
export function parseLabelled(text: string): { label: string; value: string } | undefined {
	const match = LABEL_LINE.exec(text.trim());
	if (!match) return undefined;
	return { label: match[1]!.replace(/:\s*$/, '').trim(), value: (match[2] ?? '').trim() };
}

/** "Technical Lead approval" -> "Technical Lead"; "Security review completed" -> "Security Review". */
export function roleFromSignoffText(text: string): string {
	const role = text
		.replace(/\s+(approval|approved|sign-?off|completed|complete|ready|trained|notified|review)\s*$/i, (m, word: string) =>
			/review/i.test(word) ? m : '',
		)
		.trim();
	return role.replace(/(^|\s)([a-z])/g, (_, s: string, c: string) => s + c.toUpperCase());
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "2025-12-05" or "December 5, 2025" -> "2025-12-05"; anything else -> undefined. */
export function parseLooseDate(text: string): string | undefined {
	const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
	if (iso) return iso[0];
	const long = /\b([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text);
	if (long) {
		const month = MONTHS.indexOf(long[1]!.toLowerCase());
		if (month >= 0) return `${long[3]}-${String(month + 1).padStart(2, '0')}-${long[2]!.padStart(2, '0')}`;
	}
	return undefined;
}
