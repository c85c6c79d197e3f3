/**
 * How a responder types a runbook's name into a search box, and the many words for "roll back".
 * Used twice: at build time for the words each page adds to the search index (runbook and
 * rollback pages, components/SearchKeywords.astro), and in the browser by the rollback finder,
 * which matches procedures by name as you type (client/rollback-finder.ts).
 */

/** Every way a team says "roll back", as whole phrases. */
export const ROLLBACK_WORDS = ['roll back', 'rollback', 'revert', 'undo', 'downgrade', 'restore previous', 'go back'] as const;

/** Lower case, accents off, and `-`, `_`, `.`, `/` and runs of spaces read as one space. */
export function normalizeName(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[\s\-_./:]+/g, ' ')
		.trim();
}

/** Lower case, accents off, anything but letters and digits read as a space: text as words. */
export function normalizeWords(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * A name written in camel case, in words: `KubePodCrashLooping` reads "Kube Pod Crash Looping",
 * `KubeAPIErrorBudgetBurn` "Kube API Error Budget Burn" (a run of capitals is one word).
 */
export function splitCamelCase(name: string): string {
	return name.replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2');
}

/** A name written in one word: "twiga-scan" and "Twiga Scan" both read "twigascan". */
export const compactName = (text: string) => normalizeName(text).replace(/ /g, '');

/** What a runbook is called, in every form a search may meet it in. */
export interface Names {
	id: string;
	title: string;
	system: string;
	aliases?: readonly string[] | undefined;
	alerts?: readonly string[] | undefined;
}

/**
 * The words a page adds to the search index so that its runbook is found however its name is
 * typed: as written, hyphenated, with spaces, in one word (Pagefind matches words and their
 * prefixes, so `twiga-scan`, `twiga scan` and `twigascan` are three different queries to it).
 */
export function nameVariants(names: Names): string[] {
	const forms = new Set<string>();
	// The title is searched as written (it is the page's heading); short names in every form.
	forms.add(names.title.trim());
	for (const name of [names.id, names.system, ...(names.aliases ?? []), ...(names.alerts ?? [])]) {
		const spaced = normalizeName(name);
		if (!spaced) continue;
		forms.add(name.trim());
		forms.add(spaced);
		forms.add(spaced.replace(/ /g, '-'));
		forms.add(compactName(name));
		// An alert's name in words ("pod crash looping"), and each two words written as one
		// ("crashlooping", which "crashloop" begins): how responders type what the alert says.
		const words = normalizeName(splitCamelCase(name)).split(' ');
		if (words.length < 2) continue;
		forms.add(words.join(' '));
		for (let i = 1; i < words.length; i++) forms.add(`${words[i - 1]}${words[i]}`);
	}
	return [...forms];
}

/**
 * Pagefind's ranking for the site search and the rollback finder. Exact words count far more
 * than words they begin (`twiga-scan` the runbook's name, not `twiga-scan-backend` in forty
 * commands): without it a long runbook page whose commands repeat a name outranked the short
 * page that is about it. The hidden keywords (components/SearchKeywords.astro) are Pagefind
 * metadata, which weighs 1 unless told: names 10, like the heading-strong text they were before;
 * symptom words a runbook only mentions less (model/search-synonyms.ts).
 */
export const SEARCH_RANKING = { termSimilarity: 5, termSaturation: 2, metaWeights: { keywords: 10, related: 4 } } as const;

/**
 * The ranking the site's search box uses: Runsheet's (above) over Starlight's own defaults for the
 * rest, written out so that a test can search exactly as the box does.
 */
export const SITE_SEARCH_RANKING = { pageLength: 0.1, termFrequency: 0.1, diacriticSimilarity: 0.8, ...SEARCH_RANKING } as const;

/** A query split into what it names and whether it asks for a rollback. */
export interface FinderQuery {
	/** Words left once the rollback words are taken out, normalised. */
	terms: string[];
	/** The query said "revert", "undo", "roll back" or another such word. */
	rollback: boolean;
}

export function parseFinderQuery(query: string): FinderQuery {
	let text = ` ${normalizeName(query)} `;
	let rollback = false;
	// Longest first, so "restore previous" goes before a shorter word could split it.
	for (const word of [...ROLLBACK_WORDS].sort((a, b) => b.length - a.length)) {
		const spaced = ` ${word} `;
		while (text.includes(spaced)) {
			text = text.replace(spaced, ' ');
			rollback = true;
		}
	}
	return { terms: text.split(' ').filter(Boolean), rollback };
}

/** A thing's names made ready for namesMatch: normalised once, not on every keystroke. */
export interface PreparedNames {
	/** Every word of every name. */
	words: string[];
	/** Each name written in one word. */
	compact: string[];
}

/**
 * Names normalised for matching. The rollback finder matches every procedure and every step of the
 * site on each keystroke: at 10,000 runbooks, normalising their names each time (Unicode
 * normalisation and a regular expression, a hundred thousand times) held the page for a second a key.
 */
export function prepareNames(names: readonly string[]): PreparedNames {
	const spaced = names.map(normalizeName);
	return { words: [...new Set(spaced.flatMap((n) => n.split(' ')))], compact: spaced.map((n) => n.replace(/ /g, '')) };
}

/**
 * Whether every term of the query names this thing: each term starts a word of one of its names,
 * or the terms written together are part of a name written in one word ("twigascan").
 */
export function namesMatch(terms: readonly string[], names: readonly string[] | PreparedNames): boolean {
	if (!terms.length) return true;
	const { words, compact } = 'words' in names ? names : prepareNames(names);
	if (terms.every((term) => words.some((w) => w.startsWith(term)))) return true;
	const joined = terms.join('');
	return compact.some((n) => n.includes(joined));
}

/** A step's id read as words, as the finder lists it before the index answers: "restore-database-backup" reads "Restore database backup". */
export function stepIdTitle(id: string): string {
	const words = normalizeName(id);
	return words.charAt(0).toUpperCase() + words.slice(1);
}
