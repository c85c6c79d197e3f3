/**
 * Symptom words: a responder types what they see ("disk full", "out of memory", "crash loop"),
 * the runbook is named for the alert ("Node Filesystem Almost Out Of Space"). Each group holds
 * words for one symptom; a runbook whose own words (its names, summary and opening section: what
 * it is about) hold one of a group gets the whole group as hidden search keywords
 * (components/SearchKeywords.astro), so that any of them finds it. A site extends the list in its
 * config (`search.synonyms`). Pure: tests/unit/model/search-synonyms.test.ts.
 */
import { normalizeWords, splitCamelCase } from './search-terms.ts';

/** A group of words and phrases that mean the same symptom. */
export type SynonymGroup = readonly string[];

/**
 * Built in: symptoms an on-call engineer types, with the words runbooks use for them. Phrases,
 * not lone common words ("error", "time"), so that a group reaches only the runbooks about it.
 */
export const DEFAULT_SYNONYMS: readonly SynonymGroup[] = [
	[
		'disk full',
		'disk space',
		'out of disk',
		'out of space',
		'no space left',
		'filesystem full',
		'filesystem space',
		'space filling up',
		'volume full',
		'volume filling up',
	],
	['out of inodes', 'inodes', 'out of files', 'files filling up'],
	['out of memory', 'oom', 'oomkilled', 'oom killed', 'memory exhausted', 'memory pressure', 'overcommitted memory', 'memory overcommit'],
	['out of cpu', 'cpu throttling', 'cpu throttled', 'throttled cpu', 'cpu starvation', 'overcommitted cpu', 'cpu overcommit'],
	[
		'certificate expired',
		'certificate expiring',
		'certificate expiration',
		'certificate expiry',
		'cert expired',
		'cert expiry',
		'expired certificate',
		'x509',
		'tls certificate',
	],
	['crash loop', 'crashloop', 'crash looping', 'crashlooping', 'crashloopbackoff', 'restart loop', 'keeps restarting'],
	['not ready', 'notready', 'unready', 'readiness'],
	['latency', 'high latency', 'slow', 'slowness', 'response time', 'requests slow', 'slow requests'],
	['5xx', '500 errors', '503', 'http errors', 'server errors', 'error rate', 'error budget', 'too many errors', 'errors returned'],
	['lag', 'lagging', 'behind', 'falling behind', 'backlog', 'delayed'],
	['clock skew', 'clock drift', 'time drift', 'ntp', 'clock not synchronising', 'clock not synchronizing', 'time sync'],
	['too many open files', 'open files', 'file descriptors', 'file descriptor limit', 'ulimit'],
];

/** The built-in groups followed by the site's own (config `search.synonyms`), empty groups dropped. */
export function synonymGroups(extra: readonly SynonymGroup[] = []): SynonymGroup[] {
	return [...DEFAULT_SYNONYMS, ...extra].map((group) => group.filter((term) => normalizeWords(term))).filter((group) => group.length > 1);
}

/**
 * The words a runbook gets for its symptoms: every term of each group one of whose terms is in
 * `about` as whole words ("out of space" in "Almost Out Of Space", not "space" in "namespace").
 * Terms the text already holds are left out: they are searchable as they are.
 */
export function synonymKeywords(about: string, groups: readonly SynonymGroup[]): string[] {
	const text = ` ${normalizeWords(about)} `;
	const has = (term: string) => text.includes(` ${normalizeWords(term)} `);
	const words = new Set<string>();
	for (const group of groups) {
		if (!group.some(has)) continue;
		for (const term of group) if (!has(term)) words.add(term.trim());
	}
	return [...words];
}

/** What a runbook says it is about, in the shape the search keywords need. */
export interface AboutRunbook {
	title: string;
	summary?: string | undefined;
	alerts?: readonly string[] | undefined;
	aliases?: readonly string[] | undefined;
	sections: readonly { description?: string | undefined; notes?: readonly string[] | undefined }[];
}

/**
 * The words a runbook is about, in two parts: its names (title, alerts in words, as
 * `KubePodCrashLooping` reads "Kube Pod Crash Looping", aliases) and what it says first (summary
 * and opening section: an alert runbook's Meaning). Not its steps: "check for slow disk" in a
 * diagnosis is not what the runbook is for.
 */
export function runbookAbout(runbook: AboutRunbook): { names: string; text: string } {
	const first = runbook.sections[0];
	return {
		names: [runbook.title, ...(runbook.alerts ?? []).map(splitCamelCase), ...(runbook.aliases ?? [])].join(' \n '),
		text: [runbook.summary ?? '', first?.description ?? '', ...(first?.notes ?? [])].join(' \n '),
	};
}

/**
 * A runbook's symptom words: those its names call for, which weigh like its names (a runbook named
 * for a full disk is the answer to "disk full"), and those only its opening words call for, which
 * weigh less (one that mentions a full disk may be).
 */
export function runbookSymptoms(runbook: AboutRunbook, groups: readonly SynonymGroup[]): { named: string[]; mentioned: string[] } {
	const about = runbookAbout(runbook);
	const named = synonymKeywords(about.names, groups);
	const all = synonymKeywords(`${about.names} \n ${about.text}`, groups);
	return { named, mentioned: all.filter((word) => !named.includes(word)) };
}
