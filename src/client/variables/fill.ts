import { fillTemplate, placeholder } from '../../schema/template.ts';
import { checkValue, cleanValue } from '../../model/variables.ts';

/** A variable as the page knows it, from the data attributes the build wrote. */
export interface VariableRule {
	name: string;
	pattern?: string | undefined;
	/** The declared default, used while the run has no value. */
	fallback?: string | undefined;
	example?: string | undefined;
	secret: boolean;
	/** Used only as `{{$NAME}}`: without a value the shell's own `$NAME` is used. */
	shell?: boolean;
}

export type VariableState = 'unset' | 'ok' | 'invalid' | 'default';

export function ruleFrom(name: string, data: DOMStringMap): VariableRule {
	return { name, pattern: data.pattern, fallback: data.default, example: data.example, secret: 'secret' in data, shell: 'shell' in data };
}

/**
 * The value in force and how it stands: the run's own, else the default, else none. A value that
 * typing could not give (a newline, a control character: it would add a line to a copied command)
 * is never used: it stands as not valid, and every command keeps its placeholder.
 */
export function resolve(rule: VariableRule | undefined, given: string | undefined): { value?: string; state: VariableState } {
	if (given && cleanValue(given) !== given) return { state: 'invalid' };
	if (given) return { value: given, state: checkValue(rule ?? { name: '' }, given) === 'invalid' ? 'invalid' : 'ok' };
	if (rule?.fallback) return { value: rule.fallback, state: 'default' };
	return { state: 'unset' };
}

const SAFE_URL = /^(https?:\/\/|mailto:|tel:)/i;
export const MASK = '••••••';

/**
 * Writes the values into everything under `scope` that shows one: placeholders (as text: a value
 * is never markup), the code copy buttons copy, and links whose address needs a value. A link
 * gets its address only once complete and only for http(s), mailto and tel: a value cannot make
 * it run script.
 */
export function fillValues(
	scope: ParentNode,
	rules: ReadonlyMap<string, VariableRule>,
	given: (name: string) => string | undefined,
	maskSecrets: boolean,
): void {
	const value = (name: string) => resolve(rules.get(name), given(name)).value;
	for (const el of scope.querySelectorAll<HTMLElement>('[data-var]')) {
		const name = el.dataset.var!;
		const { value: v, state } = resolve(rules.get(name), given(name));
		// Without a value a shell variable reads `$NAME` (data-unset), any other `{{NAME}}`.
		const text = v === undefined ? (el.dataset.unset ?? placeholder(name)) : maskSecrets && rules.get(name)?.secret ? MASK : v;
		if (el.textContent !== text) el.textContent = text;
		if (el.dataset.state !== state) el.dataset.state = state;
	}
	for (const el of scope.querySelectorAll<HTMLElement>('[data-rs-template]')) el.dataset.code = fillTemplate(el.dataset.rsTemplate!, value);
	for (const el of scope.querySelectorAll<HTMLAnchorElement>('[data-href-template]')) {
		const url = fillTemplate(el.dataset.hrefTemplate!, value);
		if (SAFE_URL.test(url) && !url.includes('{{')) el.href = url;
		else el.removeAttribute('href');
	}
}
