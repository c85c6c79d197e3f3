/**
 * The `{{NAME}}` grammar of runbook text: what a reference is, finding every one in runbook data,
 * and filling them with values. Part of the format (the schema checks references against the
 * declarations); the browser fills values with the same code.
 */

const NAME = '[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*';

/**
 * A reference: `{{NAME}}` (spaces inside the braces allowed), or `{{$NAME}}`, a shell variable:
 * where the run gives no value, the command keeps `$NAME` and the shell fills it in from its
 * environment, as it did in the source the runbook came from. Group 1 is a shell variable's
 * name, group 2 any other's.
 */
export const REFERENCE = new RegExp(`\\{\\{(?:\\$(${NAME})|\\s*(${NAME})\\s*)\\}\\}`, 'g');

/** The fields of runbook data that are shown with their variables filled in. */
export const FILLED_FIELDS: ReadonlySet<string> = new Set([
	'text',
	'details',
	'notes',
	'code',
	'description',
	'when',
	'expect',
	'contact',
	'href',
]);

export interface TemplateReference {
	name: string;
	/** Written `{{$NAME}}`: without a value it reads `$NAME`, for the shell. */
	shell: boolean;
	/** How it reads without a value: `{{NAME}}`, or `$NAME` (`${NAME}` when a letter follows). */
	unset: string;
	/** Where it is written in the text: [start, end). */
	start: number;
	end: number;
}

export type TemplatePart = string | TemplateReference;

/** How a reference reads without a value; `$NAME` would swallow a letter, digit or underscore after it. */
const unsetText = (shellName: string | undefined, name: string | undefined, next: string) =>
	shellName ? (/\w/.test(next) ? `\${${shellName}}` : `$${shellName}`) : placeholder(name!);

function referenceOf(match: RegExpMatchArray, text: string): TemplateReference {
	const start = match.index!;
	const end = start + match[0].length;
	return {
		name: (match[1] ?? match[2])!,
		shell: match[1] !== undefined,
		unset: unsetText(match[1], match[2], text.charAt(end)),
		start,
		end,
	};
}

/** Text split into literal parts and references, in order. */
export function splitTemplate(text: string): TemplatePart[] {
	const parts: TemplatePart[] = [];
	let last = 0;
	for (const match of text.matchAll(REFERENCE)) {
		if (match.index > last) parts.push(text.slice(last, match.index));
		parts.push(referenceOf(match, text));
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push(text.slice(last));
	return parts;
}

const ONE_REFERENCE = new RegExp(REFERENCE.source);

/** Whether text holds a reference (cheap for the usual text without braces). */
export function hasReference(text: string): boolean {
	return text.includes('{{') && ONE_REFERENCE.test(text);
}

/** Every reference in the text, in order. */
export function templateReferences(text: string): TemplateReference[] {
	return [...text.matchAll(REFERENCE)].map((match) => referenceOf(match, text));
}

export function referencedNames(text: string): string[] {
	return templateReferences(text).map((r) => r.name);
}

/** How a reference is written when it has no value: the reader sees what to replace. */
export const placeholder = (name: string) => `{{${name}}}`;

/** The text with each reference replaced by its value; references without one read as unset. */
export function fillTemplate(text: string, value: (name: string) => string | undefined): string {
	return text.replace(
		REFERENCE,
		(whole, shellName: string | undefined, name: string | undefined, at: number) =>
			value((shellName ?? name)!) ?? unsetText(shellName, name, text.charAt(at + whole.length)),
	);
}

export interface Reference {
	name: string;
	/** Path in the runbook data, e.g. ['sections', 0, 'steps', 2, 'commands', 0, 'code']. */
	path: (string | number)[];
	/** Written as a shell variable, `{{$NAME}}`. */
	shell: boolean;
}

/**
 * Every reference in runbook data (the `variables` list itself excepted), with where it is.
 * Walks plain data generically so a new text field is covered without a change here.
 */
export function findReferences(data: unknown): Reference[] {
	const found: Reference[] = [];
	// One path, extended and shortened as the walk goes; copied only where a reference is found
	// (asked of every runbook and page at build time, on data that mostly has none).
	const path: (string | number)[] = [];
	const walk = (value: unknown) => {
		if (typeof value === 'string') {
			if (value.includes('{{')) for (const { name, shell } of templateReferences(value)) found.push({ name, path: [...path], shell });
		} else if (Array.isArray(value)) {
			for (let i = 0; i < value.length; i++) {
				path.push(i);
				walk(value[i]);
				path.pop();
			}
		} else if (value && typeof value === 'object') {
			for (const key in value) {
				if (path.length === 0 && key === 'variables') continue;
				path.push(key);
				walk((value as Record<string, unknown>)[key]);
				path.pop();
			}
		}
	};
	walk(data);
	return found;
}

/** Variables every reference of which is a shell variable: without a value, the shell's. */
export function shellVariables(references: readonly Reference[]): Set<string> {
	const plain = new Set(references.filter((r) => !r.shell).map((r) => r.name));
	return new Set(references.filter((r) => r.shell && !plain.has(r.name)).map((r) => r.name));
}

/** The field a path ends in (`details` for [..., 'details', 3]). */
export function fieldOf(path: readonly (string | number)[]): string {
	for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
	return '';
}

/** A variable's pattern as a regular expression for the whole value; throws when invalid. */
export function wholeValuePattern(pattern: string): RegExp {
	return new RegExp(`^(?:${pattern})$`, 'u');
}
