import type { Section } from '../schema/section.ts';
import type { Alternative, Step } from '../schema/step.ts';
import { plainText } from '../model/text.ts';
import { walkSections } from '../model/outline.ts';
import type { ImportedRunbook } from './types.ts';

/** What re-importing over an existing runbook file kept and lost. */
export interface KeptIds {
	/** Steps, sections and options that took the id they had in the existing file. */
	kept: number;
	/** Ids of the existing file no longer in the import: links to them will not arrive. */
	lost: string[];
}

type Item = Step | Section | Alternative;

interface Known {
	item: Item;
	words: Set<string>;
	key: string;
	/** The id of the section it was in: a match in the same section wins. */
	section: string;
}

const words = (text: string) =>
	new Set(
		plainText(text)
			.toLowerCase()
			.split(/[^\p{L}\p{N}]+/u)
			.filter(Boolean),
	);
const keyOf = (text: string) => [...words(text)].join(' ');
const textOf = (item: Item) =>
	('text' in item && item.text ? item.text : 'title' in item ? item.title : '') +
	('commands' in item ? ` ${item.commands?.map((c) => c.code).join(' ') ?? ''}` : '');

/** Puts `formerIds` right under `id`, where a reader of the YAML looks for it. */
function formerIdsAfterId(item: Item & { formerIds?: string[] }, formerIds: string[]): void {
	const { id, ...rest } = item;
	for (const key of Object.keys(item)) delete (item as Record<string, unknown>)[key];
	Object.assign(item, { id, formerIds }, { ...rest, formerIds });
}

function similarity(a: Set<string>, b: Set<string>): number {
	let common = 0;
	for (const w of a) if (b.has(w)) common++;
	return common / (a.size + b.size - common || 1);
}

/** Every section, step and option of a runbook with the section it sits in. */
function collect(sections: Section[]): { sections: Known[]; steps: Known[] } {
	const out = { sections: [] as Known[], steps: [] as Known[] };
	for (const section of walkSections(sections)) {
		out.sections.push({ item: section, words: words(section.title), key: keyOf(section.title), section: section.id });
		const visit = (steps: Step[] | undefined) => {
			for (const step of steps ?? []) {
				out.steps.push({ item: step, words: words(textOf(step)), key: keyOf(step.text), section: section.id });
				for (const alt of step.alternatives ?? []) {
					out.steps.push({ item: alt, words: words(textOf(alt)), key: keyOf(alt.title), section: section.id });
					visit(alt.steps);
				}
				visit(step.steps);
			}
		};
		visit(section.steps);
	}
	return out;
}

/**
 * Re-importing a checklist after edits: every step, section and option the existing file has
 * keeps its id (and former ids, techniques, requires), so links and saved progress still
 * arrive. Recognised by the same words (in the same section first), else by mostly the same
 * words (Jaccard similarity of text and commands at least 0.6). Mutates `fresh`.
 */
export function keepIds(fresh: ImportedRunbook, previous: PreviousRunbook): KeptIds & { runbook: ImportedRunbook } {
	const before = collect(previous.sections ?? []);
	const now = collect(fresh.sections);
	const freshIds = new Map([...now.sections, ...now.steps].map((k) => [k, k.item.id]));
	const taken = new Set<Known>();
	const matched = new Set<Known>();

	// The old items by their words, in file order: a re-import of a long document (thousands of
	// steps, nearly all unchanged) finds each by its key instead of scanning every old item.
	const byKey = new Map<Known[], Map<string, Known[]>>();
	const keyed = (pool: Known[]) => {
		let index = byKey.get(pool);
		if (!index) {
			index = new Map();
			for (const k of pool) {
				const same = index.get(k.key);
				if (same) same.push(k);
				else index.set(k.key, [k]);
			}
			byKey.set(pool, index);
		}
		return index;
	};
	const match = (item: Known, pool: Known[], sectionOf: (k: Known) => string) => {
		const exact = (keyed(pool).get(item.key) ?? []).filter((k) => !taken.has(k));
		let found = exact.find((k) => k.section === sectionOf(item)) ?? exact[0];
		if (!found) {
			let best = 0.6;
			for (const k of pool) {
				if (taken.has(k)) continue;
				const score = similarity(item.words, k.words);
				if (score >= best) [found, best] = [k, score];
			}
		}
		if (!found) return;
		taken.add(found);
		matched.add(item);
		const old = found.item as Item & {
			formerIds?: string[];
			techniques?: Step['techniques'];
			requires?: string[];
			expect?: string;
			when?: string;
			lint?: Step['lint'];
		};
		const target = item.item as typeof old;
		target.id = old.id;
		if (old.formerIds?.length) formerIdsAfterId(target, old.formerIds);
		// What a person added by hand to a step survives the re-import.
		if ('text' in target && old.techniques && !target.techniques) target.techniques = old.techniques;
		if ('text' in target && old.requires && !target.requires) target.requires = old.requires;
		if ('text' in target && old.expect && !target.expect) target.expect = old.expect;
		if ('title' in target && 'kind' in target && old.when && !target.when) target.when = old.when;
		// A rule turned off with its reason is a reviewer's decision: it stays with the item.
		if (('text' in target || 'kind' in target) && old.lint && !target.lint) target.lint = old.lint;
	};

	for (const section of now.sections) match(section, before.sections, (k) => k.section);
	const sectionIds = new Map(now.sections.map((k) => [k.section, k.item.id]));
	for (const step of now.steps) match(step, before.steps, (k) => sectionIds.get(k.section) ?? k.section);

	// A new item whose fresh id is now an old id taken by a recognised item moves aside.
	const all = [...now.sections, ...now.steps];
	const ids = new Set(all.map((k) => k.item.id));
	const keptIds = new Set([...matched].map((k) => k.item.id));
	for (const k of all) {
		if (matched.has(k) || !keptIds.has(k.item.id)) continue;
		let n = 2;
		while (ids.has(`${k.item.id}-${n}`)) n++;
		k.item.id = `${k.item.id}-${n}`;
		ids.add(k.item.id);
	}

	// `requires` were proposed under fresh ids: they follow the items they named.
	const finalId = new Map([...freshIds].map(([k, id]) => [id, k.item.id]));
	for (const k of now.steps) {
		const step = k.item as Step;
		if (step.requires) step.requires = step.requires.map((id) => finalId.get(id) ?? id);
	}

	const lost = [...before.sections, ...before.steps].filter((k) => !taken.has(k)).map((k) => k.item.id);
	return { kept: taken.size, lost, runbook: withHeader(fresh, previous) };
}

export interface PreviousRunbook extends Partial<Omit<ImportedRunbook, 'sections'>> {
	sections?: Section[];
	formerIds?: string[];
	reviewEveryDays?: number;
	lint?: Step['lint'];
}

/** The header a person completed by hand (owners, tags, review, former ids) is kept, in file order. */
function withHeader(fresh: ImportedRunbook, previous: PreviousRunbook): ImportedRunbook {
	const { title, system, summary, version, lastReviewed, owners, tags, ...rest } = fresh;
	return {
		title,
		system,
		summary: summary || previous.summary || '',
		...((version ?? previous.version) ? { version: version ?? previous.version } : {}),
		...((lastReviewed ?? previous.lastReviewed) ? { lastReviewed: lastReviewed ?? previous.lastReviewed } : {}),
		...(previous.reviewEveryDays ? { reviewEveryDays: previous.reviewEveryDays } : {}),
		owners: owners.length ? owners : (previous.owners ?? []),
		tags: tags.length ? tags : (previous.tags ?? []),
		...(previous.formerIds?.length ? { formerIds: previous.formerIds } : {}),
		...(previous.lint ? { lint: previous.lint } : {}),
		...rest,
	} as ImportedRunbook;
}
