import { getCollection } from 'astro:content';
import type { Command } from '../../schema/command.ts';
import { commandOutputHtml } from '../../render/steps.ts';
import { isFirstBlock, keepRendered, takeRendered } from '../render-once.ts';
import { codeBlockJob, highlightedAhead, startHighlightingAhead } from './ahead.ts';
import { renderCodeBlock } from './renderer.ts';

const runbooks = () => getCollection('runbooks');

/**
 * Starts highlighting the collection's blocks in a worker (highlight/ahead.ts), when the build's
 * speed-ups are on; the pages with command blocks call it from getStaticPaths, before Astro
 * renders any page.
 */
export function highlightCollectionAhead(): void {
	startHighlightingAhead(runbooks);
}

/**
 * One command block's HTML on the fast build path, the same as Starlight's `<Code>` gives
 * (components/CommandBlock.astro is the stock path), its example output after it. It is
 * highlighted once:
 * - most blocks were highlighted ahead, in a worker thread (highlight/ahead.ts);
 * - a rollback section's commands (`twice`) are on the runbook page and on its rollback page:
 *   the second page reuses the first one's HTML;
 * - any other block is highlighted here. The page's first block carries Expressive Code's
 *   stylesheet and script; it is the page, not the order of rendering, that says which it is.
 */
export async function commandBlockHtml(command: Command, twice: boolean, page: { request: Request; url: URL }): Promise<string> {
	const first = isFirstBlock(page.request, command);
	// The first block differs (stylesheet and script): it is neither kept nor reused.
	const shared = twice && !first;
	const kept = shared ? takeRendered(command) : undefined;
	const html =
		kept ?? (await highlightedAhead(command, first, runbooks)) ?? (await renderCodeBlock(codeBlockJob(command, page.url.pathname, first)));
	if (shared && kept === undefined) keepRendered(command, html);
	return html + commandOutputHtml(command);
}
