import type { Element, ElementContent, Root, Text } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import { hasReference, splitTemplate, type TemplateReference } from '../schema/template.ts';

/**
 * How a reference appears in built HTML; the page script fills it with the run's value. A shell
 * variable reads `$NAME` until then, and says so in `data-unset`, so the page can go back to it.
 */
export function variableElement(reference: TemplateReference): Element {
	return {
		type: 'element',
		tagName: 'span',
		properties: {
			className: ['rs-var'],
			dataVar: reference.name,
			dataState: 'unset',
			...(reference.shell ? { dataUnset: reference.unset } : {}),
		},
		children: [{ type: 'text', value: reference.unset }],
	};
}

/** Text with its references as elements. */
export function templateNodes(text: string): ElementContent[] {
	return splitTemplate(text).map((part) =>
		typeof part === 'string' ? ({ type: 'text', value: part } satisfies Text) : variableElement(part),
	);
}

/**
 * Runs after sanitising: turns `{{NAME}}` in text (code included) into `span.rs-var` elements,
 * and a link whose address holds one into a link the page completes (`data-href-template`);
 * until every value is known it has no address, so nobody follows a half-filled URL.
 */
export function rehypeVariables() {
	return (tree: Root) => {
		visit(tree, (node, index, parent) => {
			if (node.type === 'element' && node.tagName === 'a' && typeof node.properties.href === 'string') {
				const href = safeDecode(node.properties.href);
				if (hasReference(href)) {
					node.properties.dataHrefTemplate = href;
					delete node.properties.href;
				}
			}
			if (node.type !== 'text' || !parent || index === undefined || !hasReference(node.value)) return;
			const nodes = templateNodes(node.value);
			parent.children.splice(index, 1, ...(nodes as typeof parent.children));
			return [SKIP, index + nodes.length];
		});
	};
}

function safeDecode(href: string): string {
	try {
		return decodeURI(href);
	} catch {
		return href;
	}
}
