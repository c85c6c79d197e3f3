import type { RootContent } from 'mdast';
import type { ImportContext } from '../context.ts';
import { withoutDisclosures } from '../disclosures.ts';
import { readCode } from './code.ts';
import { readHeading } from './headings.ts';
import { readList } from './lists.ts';
import { readParagraph } from './paragraphs.ts';
import { readTableSteps } from './tables.ts';

/**
 * One top-level block, handed to the reader of its node kind. A new kind of node gets a case
 * here and a reader of its own; what it does not read is kept as prose, never dropped.
 */
export function readBlock(ctx: ImportContext, node: RootContent, next: RootContent | undefined): void {
	switch (node.type) {
		case 'heading':
			return readHeading(ctx, node);
		case 'list':
			return readList(ctx, node);
		case 'code':
			return readCode(ctx, node);
		case 'paragraph':
			return readParagraph(ctx, node, next);
		case 'thematicBreak':
			return;
		case 'html': {
			const comment = /^<!--([\s\S]*?)-->$/.exec(node.value.trim());
			return ctx.note(comment ? comment[1]!.trim() : withoutDisclosures(node.value));
		}
		case 'table':
			if (readTableSteps(ctx, node)) return;
			return ctx.note(ctx.blockSource(node));
		case 'blockquote':
			return ctx.note(ctx.blockSource(node));
		default:
			ctx.warnings.push(`line ${node.position?.start.line}: ${node.type} kept as a note`);
			return ctx.note(ctx.blockSource(node));
	}
}
