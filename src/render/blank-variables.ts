/**
 * On paper a value not given is a line to write on with its label under it (sheet.css draws
 * them), never `{{NAME}}`: the placeholder text of each variable element of rendered step text
 * goes, and the page script fills the value in when the sheet is printed from a run. Shell
 * variables (`data-unset="$POD"`) keep `$POD`, which is what the shell reads.
 */
const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function blankVariables(html: string, labels: Readonly<Record<string, string>>): string {
	if (!html.includes('rs-var')) return html;
	return html.replace(
		/<span class="rs-var" data-var="([A-Za-z0-9_]+)" data-state="unset">[^<]*<\/span>/g,
		(_, name: string) =>
			`<span class="rs-var sheet-blank" data-var="${name}" data-state="unset" data-unset="" data-label="${attr(labels[name] ?? name)}"></span>`,
	);
}
