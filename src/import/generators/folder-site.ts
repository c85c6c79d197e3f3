import { guessSectionKind } from '../classify.ts';
import { parseFrontMatter } from '../front-matter.ts';
import { rewriteMarkdownLinks } from '../links.ts';
import { responseKind } from '../response.ts';
import type { ImportResult } from '../import-checklist.ts';
import { publishedUrls } from './published-urls.ts';
import { readSiteStructure, type SiteStructure } from './site-structure.ts';
import { expandSnippets } from './snippets.ts';

/**
 * A folder's site generator, for the folder import (folder.ts): its structure read once
 * (site-structure.ts), each document's text made whole before it is read (MkDocs snippets), its
 * title and place taken from the site's navigation once read, and links by published URL followed.
 */
export interface FolderSite {
	structure: SiteStructure;
	/** Files of the folder that are the site's structure, not documents (GitBook's SUMMARY.md). */
	isStructure(path: string): boolean;
	/** The document's text with its snippets in, and what could not be put in. */
	prepare(path: string, markdown: string): { markdown: string; notes: string[] };
	/** The navigation's title and order given to an imported document. */
	finish(path: string, markdown: string, result: ImportResult): void;
	/** A folder's label (Docusaurus `_category_.json`), when its index file gives no title. */
	folderLabel(dir: string): string | undefined;
	/** The document a link by published URL names, once every document is imported. */
	published(documents: readonly { path: string; slug?: string }[]): (url: string, from: string) => string | undefined;
}

const NO_TITLE = /^no title in front matter and no level-1 heading/;

export function folderSite(paths: readonly string[], read: ((path: string) => string | undefined) | undefined): FolderSite {
	const structure = readSiteStructure(paths, read ?? (() => undefined));
	return {
		structure,
		isStructure: (path) => structure.structure.has(path),
		prepare(path, markdown) {
			if (!read) return { markdown, notes: [] };
			const expanded = expandSnippets(markdown, path, { bases: structure.snippetBases, read });
			return { markdown: expanded.text, notes: expanded.notes };
		},
		finish(path, markdown, result) {
			const page = structure.pages.get(path);
			const untitled = result.warnings.findIndex((warning) => NO_TITLE.test(warning));
			// Docusaurus labels a page in its sidebar by `sidebar_label`: the title of a page that has no other.
			const label = untitled === -1 ? undefined : sidebarLabel(markdown);

			// Only for a page with no title of its own: a navigation's title is read under its section
			// ("Overview" under "High Availability"), a runbook's must stand alone in the catalog and search.
			const title = untitled === -1 ? undefined : (page?.title ?? label ?? leadingHeading(markdown));
			if (title) {
				result.runbook.title = title;
				result.warnings.splice(untitled, 1);
			}
			if (page && result.runbook.order === undefined) result.runbook.order = page.order;
			// The summary is shown as plain text (catalog, page header): a link in it is its words.
			const summary = result.runbook.summary;
			if (summary?.includes('](')) result.runbook.summary = rewriteMarkdownLinks(summary, () => ({ drop: true }));
		},
		folderLabel: (dir) => structure.folders.get(dir),
		published: (documents) => publishedUrls(documents, structure.roots),
	};
}

/**
 * A document that opens on a heading below level 1 (`## CI graphs`, as GitLab's and GitHub's pages
 * often do): that heading is what a reader sees as its title, not the file name.
 */
function leadingHeading(markdown: string): string | undefined {
	const body = markdown.replace(/^\uFEFF?(?:---|\+\+\+)\r?\n[\s\S]*?\r?\n(?:---|\+\+\+)\r?\n/, '');
	for (const line of body.split(/\r?\n/)) {
		if (!line.trim() || /^\s*(?:<!--.*-->|\[\[_TOC_\]\]|\[TOC\])\s*$/.test(line)) continue;
		const heading = /^ {0,3}#{2,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
		const text = heading?.[1]!
			.replace(/\s*\{#[^}]*\}$/, '')
			.replace(/[*_`]/g, '')
			.trim();
		// "## Purpose of the service", "## Overview": the first part of the page, not its title.
		if (!text || responseKind(text) || guessSectionKind(text) !== 'checklist' || PART.test(text)) return undefined;
		return text;
	}
	return undefined;
}

const PART = /^(?:purpose|introduction|background|about|description|context|scope|summary|overview)\b/i;

function sidebarLabel(markdown: string): string | undefined {
	const matter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(markdown);
	if (!matter) return undefined;
	const parsed = parseFrontMatter(matter[1]!, 'yaml');
	const label = 'data' in parsed ? parsed.data.sidebar_label : undefined;
	return typeof label === 'string' && label.trim() ? label.trim() : undefined;
}
