import { parse as parseToml } from 'smol-toml';
import { isMap, isScalar, parseDocument } from 'yaml';
import { isCalendarDate } from '../schema/date.ts';
import { ID_PATTERN } from '../schema/ids.ts';
import { parseLooseDate } from './fields.ts';

/**
 * Front matter as static site generators keep it (Hugo, Jekyll, MkDocs, Docusaurus, GOV.UK tech
 * docs): YAML between `---` lines or TOML between `+++` lines. Only the fields that mean
 * something to a runbook are read; the rest (theme settings such as `bookCollapseSection`,
 * `draft`) are listed as ignored.
 */
export interface FrontMatter {
	title?: string;
	summary?: string;
	system?: string;
	/** A runbook id chosen by the author (`id:` or Hugo's `slug:`), when it is one (ID_PATTERN). */
	id?: string;
	/**
	 * An `id:` or `slug:` that is not a runbook id (`../../elsewhere/x`, `<svg onload=…>`): ids
	 * become file names and URLs, so it is set aside and the file name's id used instead.
	 */
	rejectedId?: { field: string; value: string };
	version?: string;
	lastReviewed?: string;
	reviewEveryDays?: number;
	order?: number;
	owners: string[];
	tags: string[];
	aliases: string[];
	alerts: string[];
	severity?: string;
	ignored: string[];
}

/** The raw front matter block as an object; a parse error is returned, never thrown. */
export function parseFrontMatter(
	value: string,
	format: 'yaml' | 'toml',
): { data: Record<string, unknown>; repeated?: string[] } | { error: string } {
	try {
		if (format === 'toml') return fields(parseToml(value));
		// A key written twice is an error to YAML, not to Jekyll, which reads the last value (a
		// `layout:` copied in twice is common): read as Jekyll does, and say which keys repeat.
		const document = parseDocument(value, { uniqueKeys: false });
		if (document.errors.length) return { error: document.errors[0]!.message.split('\n')[0]! };
		const read = fields(document.toJS());
		if ('error' in read || !isMap(document.contents)) return read;
		const seen = new Set<string>();
		const repeated = new Set<string>();
		for (const { key } of document.contents.items) {
			const name = String(isScalar(key) ? key.value : key);
			if (seen.has(name)) repeated.add(name);
			seen.add(name);
		}
		return repeated.size ? { ...read, repeated: [...repeated] } : read;
	} catch (error) {
		return { error: (error as Error).message.split('\n')[0]! };
	}
}

function fields(data: unknown): { data: Record<string, unknown> } | { error: string } {
	if (data === null || data === undefined) return { data: {} };
	if (typeof data !== 'object' || Array.isArray(data)) return { error: 'it is not a list of fields' };
	return { data: data as Record<string, unknown> };
}

/** `lastReviewed`, `last_reviewed_on` and `LastReviewed` are the same field. */
const normalise = (key: string) => key.toLowerCase().replace(/[_\s-]/g, '');

/** Field names by what they mean, the first found wins. */
const FIELDS = {
	title: ['title'],
	summary: ['description', 'summary'],
	system: ['system', 'service', 'component', 'application'],
	id: ['id', 'slug'],
	version: ['version'],
	lastReviewed: ['lastreviewedon', 'lastreviewed', 'reviewed', 'reviewdate', 'lastmod', 'lastmodified', 'updated', 'date'],
	reviewEveryDays: ['reviewin', 'revieweverydays', 'reviewevery'],
	order: ['weight', 'order', 'sidebarposition', 'navorder'],
	owners: ['owners', 'owner', 'ownerslack', 'maintainers', 'maintainer', 'team'],
	tags: ['tags', 'categories', 'keywords'],
	aliases: ['aliases', 'redirectfrom'],
	alerts: ['alerts', 'alert', 'alertname'],
	severity: ['severity'],
} as const;

const text = (value: unknown): string | undefined => {
	if (typeof value === 'string') return value.trim() || undefined;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
};

const list = (value: unknown): string[] => {
	const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
	return items.map(text).filter((item): item is string => Boolean(item));
};

function date(value: unknown): string | undefined {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
	const written = text(value);
	const found = written && parseLooseDate(written);
	return found && isCalendarDate(found) ? found : undefined;
}

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

/** `90`, "90 days", "6 months", "1 year" (GOV.UK's `review_in`) as days. */
function days(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
	const match = /^\s*(\d+)\s*(day|week|month|year)s?\s*$/i.exec(text(value) ?? '');
	return match ? Number(match[1]) * UNIT_DAYS[match[2]!.toLowerCase()]! : undefined;
}

/** One word as rules label it ("critical"); anything else is not a severity to keep. */
function severity(value: unknown): string | undefined {
	const word = text(value)?.toLowerCase();
	return word && /^[a-z0-9_-]+$/.test(word) ? word : undefined;
}

export function readFrontMatter(data: Record<string, unknown>): FrontMatter {
	const byName = new Map(Object.entries(data).map(([key, value]) => [normalise(key), { key, value }]));
	const used = new Set<string>();
	const take = (names: readonly string[]) => {
		for (const name of names) {
			const found = byName.get(name);
			if (found !== undefined && found.value !== null && found.value !== undefined) {
				used.add(found.key);
				return found.value;
			}
		}
		return undefined;
	};
	const all = (names: readonly string[]) =>
		names.flatMap((name) => {
			const found = byName.get(name);
			if (!found) return [];
			used.add(found.key);
			return list(found.value);
		});
	const order = take(FIELDS.order);
	const idField = FIELDS.id.map((name) => byName.get(name)).find((found) => found?.value !== null && found?.value !== undefined);
	const id = text(take(FIELDS.id));
	const matter: FrontMatter = {
		title: text(take(FIELDS.title)),
		summary: text(take(FIELDS.summary)),
		system: text(take(FIELDS.system)),
		...(id === undefined ? {} : ID_PATTERN.test(id) ? { id } : { rejectedId: { field: idField!.key, value: id } }),
		version: text(take(FIELDS.version)),
		lastReviewed: date(take(FIELDS.lastReviewed)),
		reviewEveryDays: days(take(FIELDS.reviewEveryDays)),
		order: typeof order === 'number' ? order : undefined,
		owners: [...new Set(all(FIELDS.owners))],
		tags: [...new Set(all(FIELDS.tags))],
		aliases: [...new Set(all(FIELDS.aliases))],
		alerts: [...new Set(all(FIELDS.alerts))],
		severity: severity(take(FIELDS.severity)),
		ignored: Object.keys(data).filter((key) => !used.has(key)),
	};
	for (const key of Object.keys(matter) as (keyof FrontMatter)[]) if (matter[key] === undefined) delete matter[key];
	return matter;
}
