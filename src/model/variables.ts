import { findReferences, wholeValuePattern } from '../schema/template.ts';

/**
 * A run's values for a runbook's variables: whether one is given and fits, and which variables a
 * page uses. Pure, shared by the build and the browser.
 */

export interface VariableRule {
	name: string;
	pattern?: string | undefined;
}

export type ValueCheck = 'unset' | 'ok' | 'invalid';

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
