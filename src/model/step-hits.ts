/**
 * Pagefind answers per page; a responder wants the step. Pagefind splits a page into
 * sub-results at headings with ids, and on rollback pages every step is such a heading, so a
 * sub-result whose anchor is a known step is a step hit. Pure: the browser and tests share it.
 */

/** The parts of Pagefind's result data this uses (see pagefind's types). */
export interface PageData {
	url: string;
	meta: Record<string, string | undefined>;
	sub_results: { title: string; url: string; excerpt: string; locations?: number[]; anchor?: { id: string } }[];
}

export interface StepHit {
	url: string;
	runbook: string;
	step: string;
	title: string;
	/** Runbook title, from the page's meta. */
	source: string;
	excerpt: string;
	hits: number;
}

/** `/rollback/<runbook>/#<step>` or with a base path: the runbook id is the last path segment. */
export function runbookOf(url: string): string {
	const path = url.split('#')[0]!.replace(/\/+$/, '');
	return path.slice(path.lastIndexOf('/') + 1);
}

/** The words Pagefind marked in an excerpt, lowercased and split where Pagefind splits them. */
function markedWords(excerpt: string): string[] {
	return excerptParts(excerpt)
		.filter((part) => part.mark)
		.flatMap((part) => part.text.toLowerCase().split(/[^\p{L}\p{N}_]+/u))
		.filter(Boolean);
}

const wordsOf = (text: string) =>
	text
		.toLowerCase()
		.split(/[^\p{L}\p{N}_]+/u)
		.filter(Boolean);

/**
 * How well a hit covers the query: 2 per query word found whole, 1 per word found only as a
 * prefix ("down" in "downgrade"), and 1 more per query word in the step's own title.
 * Pagefind matches prefixes, and ranks pages, not steps.
 */
export function coverage(query: string, excerpt: string, title = ''): number {
	const words = markedWords(excerpt);
	const titleWords = wordsOf(title);
	return wordsOf(query).reduce(
		(sum, term) => sum + (words.includes(term) ? 2 : words.some((w) => w.startsWith(term)) ? 1 : 0) + (titleWords.includes(term) ? 1 : 0),
		0,
	);
}

/**
 * Step hits, best first: the steps that cover the query best, then Pagefind's page order, then
 * more matched words, then the order of the steps on the page.
 */
export function stepHits(pages: PageData[], query: string, isStep: (runbook: string, step: string) => boolean, limit = 20): StepHit[] {
	const ranked: { hit: StepHit; score: number; page: number; order: number }[] = [];
	pages.forEach((page, pageIndex) => {
		const runbook = runbookOf(page.url);
		page.sub_results.forEach((sub, order) => {
			if (!sub.anchor || !isStep(runbook, sub.anchor.id)) return;
			ranked.push({
				hit: {
					url: sub.url,
					runbook,
					step: sub.anchor.id,
					title: sub.title,
					source: page.meta.runbook ?? page.meta.title ?? runbook,
					excerpt: sub.excerpt,
					hits: sub.locations?.length ?? 0,
				},
				score: coverage(query, sub.excerpt, sub.title),
				page: pageIndex,
				order,
			});
		});
	});
	ranked.sort((a, b) => b.score - a.score || a.page - b.page || b.hit.hits - a.hit.hits || a.order - b.order);
	return ranked.slice(0, limit).map((r) => r.hit);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities Pagefind leaves in excerpts, as text: nothing here becomes markup. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

/** An excerpt with `<mark>` around hits, as text runs to render with text nodes only. */
export function excerptParts(excerpt: string): { text: string; mark: boolean }[] {
	const parts: { text: string; mark: boolean }[] = [];
	let mark = false;
	for (const piece of excerpt.split(/(<\/?mark>)/i)) {
		if (/^<mark>$/i.test(piece)) mark = true;
		else if (/^<\/mark>$/i.test(piece)) mark = false;
		else if (piece) parts.push({ text: decodeEntities(piece.replace(/<[^>]*>/g, '')), mark });
	}
	return parts;
}

/**
 * The hits to list once more results' text has come, `listed` being those already on screen:
 * they stay where they are, the new ones from `ranked` (best first) come after them, as many as
 * `ranked` holds in all. A list re-sorted as the rest comes in moves a hit from under the finger
 * that reaches for it (the rollback finder shows its first six results' hits a round trip before
 * the next six's).
 */
export function hitsAfterMore(listed: readonly StepHit[], ranked: readonly StepHit[]): { hits: StepHit[]; added: StepHit[] } {
	const onScreen = new Set(listed.map((hit) => hit.url));
	const added = ranked.filter((hit) => !onScreen.has(hit.url)).slice(0, Math.max(0, ranked.length - listed.length));
	return { hits: [...listed, ...added], added };
}
