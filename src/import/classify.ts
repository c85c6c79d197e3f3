import type { SectionKind } from '../schema/section.ts';

/** "### 3. Security" -> "Security"; "PRE-DEPLOYMENT CHECKLIST" -> "Pre-Deployment Checklist". */
export function cleanHeading(raw: string): string {
	let title = raw.replace(/\s+/g, ' ').trim();
	title = title.replace(/^\d+(?:\.\d+)*[.)]?\s+(?=\S)/, '');
	if (/[A-Z]/.test(title) && !/[a-z]/.test(title) && title.length > 3) {
		title = title.toLowerCase().replace(/(^|[\s(/&-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
	}
	return title;
}

const KIND_RULES: [RegExp, SectionKind][] = [
	[/sign[\s-]?off/i, 'signoff'],
	[/when to roll ?back|success criteria|\bcriteria\b/i, 'criteria'],
	[/contact|resources|\bsupport\b|common issues|troubleshoot|links\b|dashboards|^references?$|^related\b/i, 'reference'],
	[/^(?!.*backup\s*(?:&|and)\s*roll).*\broll ?back|\bback ?out\b|^fall ?back plan/i, 'rollback'],
	[/\bhours?\s+\d+\b|first \d+ hours|post-deployment monitoring/i, 'monitoring'],
	[/verif|validation|health checks?|smoke tests?|^post-?checks?$/i, 'verification'],
	[/deployment steps|deployment execution|^phase \d|procedure|^deploy|production deployment$|^(?:steps|instructions)$/i, 'procedure'],
];

/** A heading without the emoji or marks before its first word ("🔥 Meaning", "⚠️ Rollback"). */
export function headingWords(title: string): string {
	return title.replace(/^[^\p{L}\p{N}]+/u, '').trim();
}

/** Guesses what a section is for from its heading; sub-sections inherit what they don't say. */
export function guessSectionKind(title: string, parentKind?: SectionKind): SectionKind {
	// Everything under a reference or sign-off heading stays reference material.
	if (parentKind === 'reference' || parentKind === 'signoff') return parentKind;
	const words = headingWords(title);
	for (const [pattern, kind] of KIND_RULES) if (pattern.test(words)) return kind;
	return parentKind ?? 'checklist';
}

/** Sections whose plain numbered lists are steps to do in order. */
export function listsAreSteps(kind: SectionKind): boolean {
	return (
		kind === 'procedure' ||
		kind === 'rollback' ||
		kind === 'verification' ||
		kind === 'monitoring' ||
		kind === 'criteria' ||
		kind === 'diagnosis' ||
		kind === 'mitigation'
	);
}

/** "Step 2:", "**Step 3:**", "Step 4 -" before the words of a heading or a paragraph. */
const STEP_LABEL = /^(?:\*\*|__)?step\s+\d+[a-z]?\b\s*(?:[:.)\-–—]\s*)?(?:\*\*|__)?\s*(?:[:.)\-–—]\s*)?/i;

/** The words after a step label ("**Step 3:** Reboot" -> "Reboot"), or undefined without one. */
export function afterStepLabel(text: string): string | undefined {
	const match = STEP_LABEL.exec(text.trim());
	return match ? text.trim().slice(match[0].length).trim() : undefined;
}

/** "Step 2: Resize the volume" -> "Resize the volume"; "Step 3" -> "Step 3"; anything else -> undefined. */
export function stepHeadingText(title: string): string | undefined {
	const words = afterStepLabel(title);
	return words === undefined ? undefined : words || title.trim();
}

const OPTION_LABEL = /^\s*option\s+([a-z0-9]+)\s*[:.)-]\s*(.+?)\s*:?\s*$/i;

/** "Option A: Docker Compose" -> "Docker Compose"; anything else -> undefined. */
export function optionTitle(text: string): string | undefined {
	const match = OPTION_LABEL.exec(text.replace(/\*\*/g, ''));
	return match?.[2]?.trim() || undefined;
}

/** Marks that make a plain bullet a criterion: ✅ ✔ ☑ [x]. */
export const CRITERION_MARK = /^\s*(?:✅|✔️?|☑️?|✓)\s*/u;

/** Finds the condition of an optional step: "(if applicable)", "configured if using CDN". */
export function splitCondition(text: string): { text: string; condition?: string } {
	const paren = /\s*\(((?:if|when|only if|optional)\b[^()]*)\)\s*$/i.exec(text);
	if (paren) return { text: text.slice(0, paren.index).trim(), condition: paren[1]!.trim() };
	const trailing = /\s+(if (?:using|applicable|needed|required|enabled|any)\b[^.]*)$/i.exec(text);
	if (trailing && trailing.index > 0) return { text: text.slice(0, trailing.index).trim(), condition: trailing[1]!.trim() };
	return { text };
}
