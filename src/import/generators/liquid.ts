import { quoted, type ConventionRead, type TextEdit } from './edits.ts';
import { withoutInlineCode, type SourceLine } from './lines.ts';

/**
 * Jekyll's Liquid, as Jekyll reads it before the Markdown: `{% link _docs/x.md %}` and
 * `{% post_url 2020-01-02-x %}` are the published page of a document of the site (written as its
 * path from the site's root, which the folder import follows), `{{ site.baseurl }}` and
 * `{{ site.url }}` are where the site is published (nothing, here: links from the root), a URL
 * filter (`{{ '/x' | relative_url }}`) is its URL. `{% raw %}` only guards text; `{% highlight %}`
 * is a code block. Any other tag (`{% include %}`, `{% if %}`) is not read: kept as text, and said.
 * Never inside code, where Liquid is what the command says.
 */
const TAG = /\{%-?\s*([a-z_]+)\b\s*([^%]*?)\s*-?%\}|\{\{-?\s*([^}]*?)\s*-?\}\}/g;

export function jekyllLiquid(lines: readonly SourceLine[]): ConventionRead {
	const out: ConventionRead = { edits: [], notes: [] };
	lines.forEach((line, i) => {
		if (line.code || !/\{[%{]/.test(line.text)) return;
		const visible = withoutInlineCode(line.text);
		for (const match of visible.matchAll(TAG)) {
			const written = line.text.slice(match.index, match.index + match[0].length);
			const replace = (text: string): TextEdit => ({
				start: line.start + match.index,
				end: line.start + match.index + match[0].length,
				text,
			});
			const [, tag, argument, output] = match;
			if (tag) {
				const name = tag.toLowerCase();
				const target = argument!.replace(/^['"]|['"]$/g, '').trim();
				if (name === 'link') out.edits.push(replace(`/${target.replace(/^\/+/, '')}`));
				else if (name === 'post_url') out.edits.push(replace(`/_posts/${target.replace(/^\/+/, '')}.md`));
				else if (name === 'raw' || name === 'endraw') out.edits.push(replace(''));
				else if (name === 'highlight' && visible.trim() === match[0]) out.edits.push(replace(`\`\`\`${target.split(/\s/)[0] ?? ''}`));
				else if (name === 'endhighlight' && visible.trim() === match[0]) out.edits.push(replace('```'));
				else out.notes.push(`line ${i + 1}: Liquid tag ${quoted(written)} is not read (Jekyll fills it in when it builds); kept as text`);
				continue;
			}
			const expression = output!.trim();
			if (/^site\.(?:baseurl|url)$/.test(expression)) out.edits.push(replace(''));
			else {
				const url = /^(['"])([^'"]*)\1\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.(?:baseurl|url))\s*$/.exec(expression);
				if (url) out.edits.push(replace(url[2]!));
				else if (/^(?:site|page|include|layout|jekyll|paginator|content)\b|\|/.test(expression))
					out.notes.push(`line ${i + 1}: Liquid ${quoted(written)} is not read (Jekyll fills it in when it builds); kept as text`);
			}
		}
	});
	return out;
}
