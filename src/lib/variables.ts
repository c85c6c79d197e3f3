/**
 * Variables in runbook text: finding `{{NAME}}` references, filling them with a run's values
 * and judging a value. Pure, shared by the build (validation, rendering) and the browser.
 */

/** A reference: `{{NAME}}`, spaces inside the braces allowed. */
export const REFERENCE = /\{\{\s*([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\s*\}\}/g;

/** The fields of runbook data that are shown with their variables filled in. */
export const FILLED_FIELDS: ReadonlySet<string> = new Set(['text', 'details', 'notes', 'code', 'description', 'contact', 'href']);

export type TemplatePart = string | { name: string };

/** Text split into literal parts and references, in order. */
export function splitTemplate(text: string): TemplatePart[] {
	const parts: TemplatePart[] = [];
	let last = 0;
	for (const match of text.matchAll(REFERENCE)) {
		if (match.index > last) parts.push(text.slice(last, match.index));
		parts.push({ name: match[1]! });
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

export function referencedNames(text: string): string[] {
	return [...text.matchAll(REFERENCE)].map((m) => m[1]!);
}

/** How a reference is written when it has no value: the reader sees what to replace. */
export const placeholder = (name: string) => `{{${name}}}`;

/** The text with each reference replaced by its value; references without one stay as written. */
export function fillTemplate(text: string, value: (name: string) => string | undefined): string {
	return text.replace(REFERENCE, (whole, name: string) => value(name) ?? placeholder(name));
}

export interface Reference {
	name: string;
	/** Path in the runbook data, e.g. ['sections', 0, 'steps', 2, 'commands', 0, 'code']. */
	path: (string | number)[];
}

/**
 * Every reference in runbook data (the `variables` list itself excepted), with where it is.
 * Walks plain data generically so a new text field is covered without a change here.
 */
export function findReferences(data: unknown): Reference[] {
	const found: Reference[] = [];
	const walk = (value: unknown, path: (string | number)[]) => {
		if (typeof value === 'string') {
			if (value.includes('{{')) for (const name of referencedNames(value)) found.push({ name, path });
		} else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
		else if (value && typeof value === 'object') {
			for (const [key, v] of Object.entries(value)) if (!(path.length === 0 && key === 'variables')) walk(v, [...path, key]);
		}
	};
	walk(data, []);
	return found;
}

/** The field a path ends in (`details` for [..., 'details', 3]). */
export function fieldOf(path: readonly (string | number)[]): string {
	for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
	return '';
}

export interface VariableRule {
	name: string;
	pattern?: string | undefined;
}

export type ValueCheck = 'unset' | 'ok' | 'invalid';

/** A variable's pattern as a regular expression for the whole value; throws when invalid. */
export function wholeValuePattern(pattern: string): RegExp {
	return new RegExp(`^(?:${pattern})$`, 'u');
}

const compiled = new Map<string, RegExp | null>();
function patternRegExp(pattern: string): RegExp | null {
	let re = compiled.get(pattern);
	if (re === undefined) {
		try {
			re = wholeValuePattern(pattern);
		} catch {
			re = null;
		}
		compiled.set(pattern, re);
	}
	return re;
}

/** Whether a value is given and fits the variable's pattern. */
export function checkValue(rule: VariableRule, value: string | undefined): ValueCheck {
	if (value === undefined || value === '') return 'unset';
	const re = rule.pattern ? patternRegExp(rule.pattern) : null;
	return re && !re.test(value) ? 'invalid' : 'ok';
}

export { cleanValue } from './variable-value.ts';

/** The declared variables that `data` (a page's share of a runbook) refers to, in declared order. */
export function variablesUsedIn<V extends { name: string }>(variables: readonly V[] | undefined, data: unknown): V[] {
	if (!variables?.length) return [];
	const used = new Set(findReferences(data).map((r) => r.name));
	return variables.filter((v) => used.has(v.name));
}
