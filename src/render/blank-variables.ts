/**
 * On paper a value not given is a line to write on with its label under it (styles/sheet/values.css
 * draws them), never `{{NAME}}`: the placeholder text of each variable element of rendered step text
 * goes, and the page script fills the value in when the sheet is printed from a run. Shell
 * variables (`data-unset="$POD"`) keep `$POD`, which is what the shell reads.
 */
import { attr } from './html.ts';

/** The line to write a value on, labelled, in place of `{{NAME}}` (sheet commands too: sheet.ts). */
export function blankVariableHtml(name: string, labels: Readonly<Record<string, string>>): string {
	return `<span class="rs-var sheet-blank"${attr('data-var', name)} data-state="unset" data-unset=""${attr('data-label', labels[name] ?? name)}></span>`;
}

export function blankVariables(html: string, labels: Readonly<Record<string, string>>): string {
	if (!html.includes('rs-var')) return html;
	return html.replace(/<span class="rs-var" data-var="([A-Za-z0-9_]+)" data-state="unset">[^<]*<\/span>/g, (_, name: string) =>
		blankVariableHtml(name, labels),
	);
}
