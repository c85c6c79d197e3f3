import { definePlugin, type ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import type { Element, ElementContent, Parents } from '@astrojs/starlight/expressive-code/hast';

/**
 * Expressive Code plugin: the spaces between a command's words lose the coloured span the grammar
 * gave them (`<span style="--0:#D6DEEB;--1:#403F53"> </span>` becomes ` `). A space shows no
 * colour, so the block looks the same, and its text, which is what is copied, is unchanged; a
 * command page's blocks are about a twentieth smaller (5 KB of yogaflow's page). Only a span that
 * holds nothing but white space and has nothing but colour variables in its style goes: one with
 * a class, an underline or a background is kept.
 */
export function pluginPlainSpaces(): ExpressiveCodePlugin {
	return definePlugin({
		name: 'Runsheet plain spaces',
		hooks: {
			postprocessRenderedBlock: ({ renderData }) => unwrapColouredSpaces(renderData.blockAst),
		},
	});
}

/** Colour variables only: `--0:#D6DEEB;--1:#403F53`, the way Expressive Code writes a token's colours per theme. */
const COLOURS_ONLY = /^(?:--\d+:#[0-9a-f]{3,8};?)+$/i;

// A plain boolean, not a type guard: where it is false the node may still be an element.
function isColouredSpace(node: ElementContent): boolean {
	if (node.type !== 'element' || node.tagName !== 'span') return false;
	const keys = Object.keys(node.properties);
	if (keys.length !== 1 || keys[0] !== 'style' || !COLOURS_ONLY.test(String(node.properties.style))) return false;
	return node.children.length > 0 && node.children.every((child) => child.type === 'text' && /^[ \t]+$/.test(child.value));
}

/** Replaces each coloured space with its text, in place, everywhere under `tree`. */
export function unwrapColouredSpaces(tree: Parents): void {
	const walk = (parent: Parents) => {
		parent.children = (parent.children as ElementContent[]).flatMap((child) => {
			if (isColouredSpace(child)) return (child as Element).children;
			if (child.type === 'element') walk(child);
			return [child];
		}) as typeof parent.children;
	};
	walk(tree);
}
