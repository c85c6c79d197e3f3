import { admonitionAsCallout, ADMONITION, admonitionStarts } from './admonitions.ts';
import { readSiteMarkup } from './generators/markup.ts';
import { repairMojibake } from './mojibake.ts';
import { inlineReferenceLinks } from './reference-links.ts';
import { replaceTracked } from './tracked-edits.ts';
import { codeRanges, WIKI_LINK, wikiLinkAsMarkdown } from './wiki-links.ts';

/** The source text the importer reads: line ends, mis-encoded UTF-8, Hugo link shortcodes, wiki links, MkDocs admonitions and reference links mended. */
export interface NormalisedSource {
	text: string;
	/** Characters repaired from mis-encoded UTF-8. */
	repairs: number;
	/** What the site generators' syntax held that is not read, by line (generators/markup.ts). */
	notes: string[];
	/** Where an offset of `text` is in the source as written; undefined when repairs changed its length. */
	original?: (offset: number) => number;
}

/**
 * Rewrites a source into the Markdown every reader expects, before it is parsed. Each rewrite is
 * tracked so that an offset of the result (a `{#id}` pin's place) maps back to the file as written.
 */
export function normaliseSource(markdown: string): NormalisedSource {
	// The Markdown parser skips a byte-order mark without counting it: read without it, every
	// offset is one that the parser's positions agree with (and `original` adds it back).
	const bom = markdown.charCodeAt(0) === 0xfeff ? 1 : 0;
	const lines = replaceTracked(bom ? markdown.slice(1) : markdown, /\r\n?/g, () => '\n');
	const repaired = repairMojibake(lines.text);
	// Site generators' own syntax (Liquid, ERB, MDX imports, `:::note`, `[[_TOC_]]`, footnotes): generators/markup.ts.
	const site = readSiteMarkup(repaired.text);
	// Hugo's link shortcodes (`[Gather logs]({{< ref "helpers/gatherLogs.md" >}})`) as the plain
	// relative links they stand for, so that links between documents can be followed.
	const links = replaceTracked(site.text, /\{\{[<%]\s*(?:rel)?ref\s+"([^"]+)"\s*[>%]\}\}/g, (match) => match[1]!);
	const code = codeRanges(links.text);
	const inCode = (at: number) => code.some(([start, end]) => at >= start && at < end);
	const wiki = replaceTracked(links.text, WIKI_LINK, (match) =>
		inCode(match.index) ? match[0] : wikiLinkAsMarkdown(match[1]!, match[2]!, match[3], match[4]),
	);
	const starts = admonitionStarts(wiki.text);
	const callouts = replaceTracked(wiki.text, ADMONITION, (match) =>
		starts.has(match.index) ? admonitionAsCallout(match[1]!, match[2], match[3]!) : match[0],
	);
	const references = inlineReferenceLinks(callouts.text);
	return {
		text: references.text,
		repairs: repaired.repairs,
		notes: site.notes,
		...(repaired.repairs
			? {}
			: {
					original: (offset: number) =>
						bom + lines.original(site.original(links.original(wiki.original(callouts.original(references.original(offset)))))),
				}),
	};
}
