import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { cleanHeading } from '../classify.ts';
import type { ImportContext } from '../context.ts';
import { parseFrontMatter, readFrontMatter } from '../front-matter.ts';
import { takePin } from '../pins.ts';
import { hasResponseShape } from '../response.ts';
import { openSection } from '../sinks.ts';
import { readBlock } from './blocks.ts';
import { boldLine, namesAPart } from './headings.ts';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/**
 * Reads a whole document into the context: its front matter, then what decides how every block
 * is read (bold lines that stand for headings, whether it has the response shape), then each
 * block in order.
 */
export function readDocument(ctx: ImportContext): void {
	const tree = parser.parse(ctx.source) as Root;
	// remark-frontmatter's nodes: `yaml`, and `toml`, which mdast's types do not list.
	const isMatter = (node: RootContent) => ['yaml', 'toml'].includes(node.type as string);
	const matter = tree.children.find(isMatter) as { type: string; value: string } | undefined;
	if (matter) readFrontMatterNode(ctx, matter.value, matter.type === 'toml' ? 'toml' : 'yaml');
	const blocks = tree.children.filter((node) => !isMatter(node));
	const written = blocks.flatMap((node) => (node.type === 'heading' && node.depth > 1 ? [takePin(toString(node)).text] : []));
	// A document without headings under its title may mark its parts in bold instead, as
	// exports from Confluence or Google Docs do ("**Diagnosis**" on a line of its own).
	if (!written.length) {
		for (const node of blocks) {
			const title = node.type === 'paragraph' ? boldLine(node) : undefined;
			if (title && namesAPart(cleanHeading(title))) ctx.boldHeadings.set(node as Paragraph, title);
		}
	}
	const headings = [...written, ...ctx.boldHeadings.values()];
	ctx.response = ctx.frontMatter.alerts.length > 0 || hasResponseShape(headings.map(cleanHeading));
	blocks.forEach((node, i) => {
		// A document with no headings under its title is one thing to do, read as a mitigation:
		// instructions and commands become steps, explanations stay prose.
		const isTitle = node.type === 'heading' && node.depth === 1 && ctx.title === undefined;
		if (!headings.length && !ctx.stack.length && !isTitle) openSection(ctx, 'What to do', 'mitigation');
		readBlock(ctx, node, blocks[i + 1]);
	});
}

function readFrontMatterNode(ctx: ImportContext, value: string, format: 'yaml' | 'toml'): void {
	const parsed = parseFrontMatter(value, format);
	if ('error' in parsed) {
		ctx.warnings.push(`front matter (${format.toUpperCase()}) not read: ${parsed.error}`);
		return;
	}
	if (parsed.repeated)
		ctx.warnings.push(
			`front matter repeats ${parsed.repeated.map((key) => `\`${key}:\``).join(', ')}: the last value is read, as Jekyll does`,
		);
	ctx.frontMatter = readFrontMatter(parsed.data);
}
