import postcss, { type AtRule, type ChildNode, type Rule } from 'postcss';
import selectorParser from 'postcss-selector-parser';

/**
 * The part of a stylesheet that a page's own markup can use: its "critical" styles, inlined in a
 * rollback page (inline-styles.ts) instead of the whole site's stylesheet (98 KB, most of it for
 * other pages: the catalog, the finder, Starlight's cards and tabs).
 *
 * A rule is kept when one of its selectors could match an element of the page: every class, id,
 * tag and attribute name the selector asks for, outside functional pseudo-classes (`:not()`,
 * `:is()`, `:has()`, whose insides are not required), is in the page's markup. That keeps more
 * than matches, never less, for the markup as written; what the page's scripts add later (N/A
 * buttons, `.rs-js`, the run menu) is styled by the whole stylesheet, which the page links after
 * its content (inline-styles.ts). Rules keep their order; at-rules that order or define things
 * (`@layer` blocks, even empty, `@font-face`, `@keyframes`, `@property`) are always kept, so the
 * cascade of what is kept is the whole stylesheet's.
 */

/** What a page's markup holds that a selector can ask for. */
export interface MarkupTokens {
	classes: Set<string>;
	ids: Set<string>;
	tags: Set<string>;
	attributes: Set<string>;
}

// A start tag, its attributes quoted or not: a ">" inside a quoted value does not end it.
const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// Text that is not markup: a script's or a style's (their start tags stay), and comments.
const NOT_MARKUP = /(<(script|style)\b[^>]*>)[\s\S]*?<\/\2\s*>|<!--[\s\S]*?-->/gi;

/** The classes, ids, tag and attribute names of an HTML page, `<template>` contents included. */
export function markupTokens(html: string): MarkupTokens {
	const tokens: MarkupTokens = { classes: new Set(), ids: new Set(), tags: new Set(), attributes: new Set() };
	for (const [, tag, attributes] of html.replace(NOT_MARKUP, (_text, start: string | undefined) => start ?? '').matchAll(START_TAG)) {
		tokens.tags.add(tag!.toLowerCase());
		if (!attributes) continue;
		for (const [, rawName, double, single, bare] of attributes.matchAll(ATTRIBUTE)) {
			const name = rawName!.toLowerCase();
			tokens.attributes.add(name);
			const value = double ?? single ?? bare ?? '';
			if (name === 'class') {
				for (const c of value.split(/\s+/)) if (c) tokens.classes.add(c);
			} else if (name === 'id') tokens.ids.add(value);
		}
	}
	return tokens;
}

/** What one selector needs of the markup; undefined: it may match anything (kept). */
interface Need {
	classes: string[];
	ids: string[];
	tags: string[];
	attributes: string[];
}

type Piece =
	| { kind: 'always'; text: string }
	| { kind: 'rule'; text: string; needs: Need[] }
	| { kind: 'block'; open: string; close: string; children: Piece[]; keepEmpty: boolean };

/** A stylesheet read once, to take the part of it each page needs. */
export interface CriticalStylesheet {
	/** The rules the markup can use, in the stylesheet's order, as CSS text. */
	for(tokens: MarkupTokens): string;
}

/** At-rules whose rules are filtered; others are kept whole. `@layer` blocks are kept even empty: they order the layers. */
const FILTERED_BLOCKS = new Set(['media', 'supports', 'container', 'layer', 'starting-style']);

export function criticalStylesheet(css: string): CriticalStylesheet {
	const pieces = postcss.parse(css).nodes.flatMap(pieceOf);
	return { for: (tokens) => render(pieces, tokens) };
}

function pieceOf(node: ChildNode): Piece[] {
	if (node.type === 'comment') return [];
	if (node.type === 'rule') return [rulePiece(node)];
	if (node.type === 'atrule' && node.nodes && FILTERED_BLOCKS.has(node.name.toLowerCase())) return [blockPiece(node)];
	// A statement (`@layer a,b;`, `@import`) ends with the semicolon its parent wrote after it.
	const statement = (node.type === 'atrule' && !node.nodes) || node.type === 'decl';
	return [{ kind: 'always', text: statement ? `${node.toString()};` : node.toString() }];
}

function rulePiece(rule: Rule): Piece {
	const text = rule.toString();
	// A rule with rules nested in it (CSS nesting) is kept whole: its children's selectors are relative.
	if (rule.nodes.some((child) => child.type !== 'decl' && child.type !== 'comment')) return { kind: 'always', text };
	const needs: Need[] = [];
	try {
		selectorParser((selectors) => {
			selectors.each((selector) => {
				needs.push(needOf(selector));
			});
		}).processSync(rule.selector);
	} catch {
		return { kind: 'always', text };
	}
	return { kind: 'rule', text, needs };
}

function needOf(selector: selectorParser.Selector): Need {
	const need: Need = { classes: [], ids: [], tags: [], attributes: [] };
	selector.walk((node) => {
		// Inside :not(), :is(), :where(), :has() and the like, nothing is required.
		for (let parent = node.parent; parent; parent = parent.parent) if (parent.type === 'pseudo') return;
		if (node.type === 'class') need.classes.push(node.value);
		else if (node.type === 'id') need.ids.push(node.value);
		else if (node.type === 'tag') need.tags.push(node.value.toLowerCase());
		else if (node.type === 'attribute') need.attributes.push(node.attribute.toLowerCase());
	});
	return need;
}

function blockPiece(block: AtRule): Piece {
	const shell = block.clone();
	shell.removeAll();
	const text = shell.toString();
	const end = text.lastIndexOf('}');
	return {
		kind: 'block',
		open: text.slice(0, end),
		close: text.slice(end),
		children: block.nodes!.flatMap(pieceOf),
		keepEmpty: block.name.toLowerCase() === 'layer',
	};
}

const meets = (need: Need, tokens: MarkupTokens) =>
	need.classes.every((c) => tokens.classes.has(c)) &&
	need.ids.every((id) => tokens.ids.has(id)) &&
	need.tags.every((tag) => tokens.tags.has(tag)) &&
	need.attributes.every((name) => tokens.attributes.has(name));

function render(pieces: Piece[], tokens: MarkupTokens): string {
	let out = '';
	for (const piece of pieces) {
		if (piece.kind === 'always') out += piece.text;
		else if (piece.kind === 'rule') {
			if (piece.needs.some((need) => meets(need, tokens))) out += piece.text;
		} else {
			const inner = render(piece.children, tokens);
			if (inner || piece.keepEmpty) out += piece.open + inner + piece.close;
		}
	}
	return out;
}
