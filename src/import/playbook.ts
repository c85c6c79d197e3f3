import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ID_PATTERN } from '../schema/ids.ts';
import { parseFrontMatter } from './front-matter.ts';
import { takePin } from './pins.ts';
import { cleanHeading } from './classify.ts';
import { camelWords, responseKind } from './response.ts';

/**
 * Playbooks: one file answering many alerts, a heading per alert (`## ThanosCompactHalted`), each
 * with its own Impact / Diagnosis / Steps below it, often under group headings ("# Thanos
 * Alerts", "## Alerts"), sometimes several alert headings over one body. Read as one runbook per
 * alert (so that each has its own steps, its own progress and its `/alerts/<Name>/`), and the
 * file's shared parts (its introduction, common sections, the group headings) as a page of their
 * own, which keeps every alert heading, under its old anchor, linking to the alert's runbook.
 */

/** One alert's runbook (or several alerts' that share one body), cut out of the file. */
export interface PlaybookAlert {
	/** The alerts it answers, in the file's order: the first names it. */
	alerts: string[];
	/** The anchors the file's own site gave its headings (`thanoscompacthalted`): links by them arrive here. */
	anchors: string[];
	/** The Markdown the runbook is read from: front matter naming the alerts, the name as title, the body. */
	markdown: string;
	/** The file's text it was read from (what the import report measures). */
	source: string;
}

export interface Playbook {
	/** The file without the alerts' bodies: each alert heading stays, under its anchor, linking to its runbook. */
	shared: { markdown: string; source: string };
	alerts: PlaybookAlert[];
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** The name a heading gives an alert ("ThanosCompactHalted", "Alert: etcdNoLeader", "`KubeAPIDown`"), or undefined. */
function headingName(text: string): { name: string; marked: boolean } | undefined {
	const marked = /^alert\s*:\s*/i.test(text);
	const name = text.replace(/^alert\s*:\s*/i, '').trim();
	return /^[A-Za-z][A-Za-z0-9_]*$/.test(name) ? { name, marked } : undefined;
}

/**
 * How sure a heading is to name an alert: `strong` for an upper camel-case name of three words or
 * more, a lower camel-case one (`etcdMembersDown`) under a heading about alerts, or a heading that
 * says "Alert:"; `weak` for one of two words (`KubeAPIDown`, but also `PostgreSQL`), which counts
 * only beside strong ones. A lower camel-case name alone is a helper's (`gatherLogs`), not an alert.
 */
function alertStrength(text: string, underAlerts: boolean): 'strong' | 'weak' | undefined {
	const read = headingName(text);
	if (!read) return undefined;
	const { name, marked } = read;
	if (marked) return 'strong';
	const words = camelWords(name);
	if (/^[a-z]/.test(name)) return underAlerts && words >= 2 ? 'strong' : undefined;
	if (words >= 3) return 'strong';
	return words >= 2 ? 'weak' : undefined;
}

interface HeadingAt {
	depth: number;
	text: string;
	anchor: string;
	start: number;
	/** Where the heading's line ends. */
	end: number;
	pinned: boolean;
}

// A heading's line, ATX (`## Name`), and a setext heading's underline (its text on the line above).
const ATX = /^ {0,3}#{1,6}(?:[ \t]+(.*))?$/;
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
// A link, an image or a reference in the line: its target may hold spaces the heading's text does not.
const LINK_LIKE = /\]\(|\]\[|</;

/**
 * How many lines could be a heading that names an alert: an upper bound, read from the lines alone.
 * Parsing a document is most of an import's time (50 KB documents), and most documents name one
 * alert at most (their title), so those are not parsed a second time here. A line counts when it
 * is a heading's (or could be: a `#` line in a code block counts too) and it says "alert", or its
 * text is one word with a change of case inside (`KubeAPIDown`, `etcdNoLeader`; camelWords >= 2,
 * which alertStrength asks of a name); its markup (`**`, backticks, a pin) aside.
 */
export function alertHeadingLines(markdown: string): number {
	const lines = markdown.split(/\r\n?|\n/);
	let count = 0;
	for (let i = 0; i < lines.length; i++) {
		const atx = ATX.exec(lines[i]!);
		const text = atx ? (atx[1] ?? '') : i + 1 < lines.length && UNDERLINE.test(lines[i + 1]!) ? lines[i]! : undefined;
		if (text === undefined) continue;
		const own = text
			.replace(/[ \t]+#+[ \t]*$/, '')
			.replace(/\s*\{#[^}]*\}\s*$/, '')
			.trim();
		if (/alert/i.test(own)) count++;
		else if ((LINK_LIKE.test(own) || !/\s/.test(own)) && camelWords(own.replace(/[^A-Za-z0-9]/g, '')) >= 2) count++;
	}
	return count;
}

/** Whether text between two headings holds nothing to read (blank lines, comments, rules). */
const isEmpty = (text: string) =>
	!text
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/^\s*([-*_])(\s*\1){2,}\s*$/gm, '')
		.trim();

/**
 * The file read as a playbook, when two headings or more of one level name alerts (strongly, see
 * alertStrength); else undefined, and the file is read as one runbook, as before.
 */
export function readPlaybook(markdown: string): Playbook | undefined {
	return alertHeadingLines(markdown) < 2 ? undefined : playbookOf(markdown);
}

/** readPlaybook without the count of lines first: the file parsed whatever it holds (for the tests to compare). */
export function playbookOf(markdown: string): Playbook | undefined {
	const tree = parser.parse(markdown) as Root;
	const slugger = new GithubSlugger();
	const headings: HeadingAt[] = [];
	const definitions: string[] = [];
	let matter: { type: string; value: string } | undefined;
	for (const node of tree.children as RootContent[]) {
		const at = node.position;
		if (!at) continue;
		if ((node.type as string) === 'yaml' || (node.type as string) === 'toml') matter = node as unknown as { type: string; value: string };
		if (node.type === 'definition') definitions.push(markdown.slice(at.start.offset, at.end.offset));
		if (node.type !== 'heading') continue;
		const pin = takePin(toString(node as Heading).trim());
		const text = pin.text.trim();
		if (!text) continue;
		headings.push({
			depth: (node as Heading).depth,
			text,
			anchor: pin.id ?? slugger.slug(text),
			start: at.start.offset!,
			end: at.end.offset!,
			pinned: pin.id !== undefined,
		});
	}
	// Each heading's strength, knowing the headings above it (a parent "Alerts" lets lower camel case in).
	const underAlerts = headings.map((heading, i) => {
		for (let j = i - 1, depth = heading.depth; j >= 0 && depth > 1; j--)
			if (headings[j]!.depth < depth) {
				if (/\balerts?\b/i.test(headings[j]!.text)) return true;
				depth = headings[j]!.depth;
			}
		return false;
	});
	const strength = headings.map((heading, i) => alertStrength(heading.text, underAlerts[i]!));
	const strongByDepth = new Map<number, number>();
	headings.forEach((heading, i) => {
		if (strength[i] === 'strong') strongByDepth.set(heading.depth, (strongByDepth.get(heading.depth) ?? 0) + 1);
	});
	const [depth, count] = [...strongByDepth].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0, 0];
	if (count < 2) return undefined;

	const isAlert = (i: number) => headings[i]!.depth === depth && strength[i] !== undefined;
	// Where a heading's own text ends: at the next heading, of any level.
	const ownEnd = (i: number) => headings[i + 1]?.start ?? markdown.length;
	// Where what it covers ends: at the next heading of its level or above.
	const coverEnd = (i: number) => headings.find((h, j) => j > i && h.depth <= headings[i]!.depth)?.start ?? markdown.length;

	const alerts: (PlaybookAlert & { start: number; end: number; headings: HeadingAt[] })[] = [];
	let group: number[] = [];
	for (let i = 0; i < headings.length; i++) {
		if (!isAlert(i)) continue;
		group.push(i);
		// An alert heading with nothing under it, right above another: they share the next one's body.
		if (isEmpty(markdown.slice(headings[i]!.end, ownEnd(i))) && i + 1 < headings.length && isAlert(i + 1)) continue;
		const last = group.at(-1)!;
		const end = coverEnd(last);
		const bodyStart = headings[last]!.end;
		const body = markdown.slice(bodyStart, end);
		const members = group.map((j) => headings[j]!);
		// An alert heading over nothing at all stays where it is, in the shared page.
		if (isEmpty(body)) {
			group = [];
			continue;
		}
		const names = members.map((h) => headingName(h.text)!.name);
		// An alert's part reads like a response (Impact, Diagnosis, How to fix …), or sits under a heading about alerts.
		const inside = headings.filter((h) => h.start > members.at(-1)!.start && h.start < end).map((h) => h.text);
		const bold = [...body.matchAll(/^\s*(?:\*\*|__)([^*_\n]{2,40}?):?(?:\*\*|__)\s*:?\s*$/gm)].map((m) => m[1]!);
		const shaped = [...inside, ...bold].some((text) => responseKind(cleanHeading(text)) !== undefined || /^how to\b/i.test(text));
		if (!shaped && !group.some((j) => underAlerts[j])) {
			group = [];
			continue;
		}
		alerts.push({
			alerts: names,
			anchors: members.map((h) => h.anchor),
			markdown: `---\n${frontMatterFor(matter, names)}\n---\n\n# ${names[0]}\n${body.replace(/\s+$/, '')}\n${definitions.length ? `\n${definitions.join('\n')}\n` : ''}`,
			// Lines before it kept as empty ones: the report's line numbers are the file's.
			source: lineBreaks(markdown.slice(0, members[0]!.start)) + markdown.slice(members[0]!.start, end),
			start: members[0]!.start,
			end,
			headings: members,
		});
		group = [];
	}
	if (alerts.length < 2) return undefined;

	// The shared page: the file with each alert's part replaced by its headings, each under its
	// old anchor (pinned, so that an old link to the file's heading arrives), linking to the runbook.
	// A group heading over nothing but its alerts (`## Thanos Compact` over `## ThanosCompactHalted` …)
	// lists them: with nothing under it, it would be an empty part, left out with its anchor, and the
	// file's own table of contents links to it.
	const lists = new Map<number, string>();
	headings.forEach((heading, i) => {
		if (isAlert(i) || !isEmpty(markdown.slice(heading.end, ownEnd(i)))) return;
		const members: HeadingAt[] = [];
		// Its alerts, and their own parts' headings, up to the next heading of its level that is not an alert.
		for (let j = i + 1; j < headings.length && (headings[j]!.depth > heading.depth || isAlert(j)); j++)
			if (isAlert(j)) members.push(headings[j]!);
		if (members.some((h) => alerts.some((a) => a.headings.includes(h))))
			lists.set(heading.end, `\n\nIts alerts: ${members.map((h) => `[${headingName(h.text)!.name}](#${h.anchor})`).join(', ')}.\n`);
	});
	const copy = (start: number, end: number) => {
		let text = '';
		let at = start;
		for (const [offset, list] of lists)
			if (offset >= start && offset <= end) {
				text += markdown.slice(at, offset) + list;
				at = offset;
			}
		return text + markdown.slice(at, end);
	};
	let shared = '';
	let source = '';
	let from = 0;
	for (const alert of alerts) {
		shared += copy(from, alert.start);
		source += markdown.slice(from, alert.start);
		for (const heading of alert.headings) {
			const pin = ID_PATTERN.test(heading.anchor) ? ` {#${heading.anchor}}` : '';
			shared += `${'#'.repeat(heading.depth)} ${heading.text}${pin}\n\n[Open the runbook for ${headingName(heading.text)!.name}](#${heading.anchor})\n\n`;
		}
		source += lineBreaks(markdown.slice(alert.start, alert.end));
		from = alert.end;
	}
	shared += copy(from, markdown.length);
	source += markdown.slice(from);
	return {
		shared: { markdown: shared, source },
		alerts: alerts.map(({ alerts, anchors, markdown, source }) => ({ alerts, anchors, markdown, source })),
	};
}

/** Only the line breaks of a text. */
const lineBreaks = (text: string) => text.replace(/[^\n]/g, '');

/** Front matter fields that are the file's own, not each alert's: its title, id, alerts, order and redirects. */
const FILE_FIELDS = new Set([
	'title',
	'description',
	'summary',
	'id',
	'slug',
	'alerts',
	'alert',
	'alertname',
	'aliases',
	'redirectfrom',
	'weight',
	'order',
	'sidebarposition',
	'navorder',
]);

/** An alert's front matter: the file's (owners, version, review date …) with its own title and alerts. */
function frontMatterFor(matter: { type: string; value: string } | undefined, names: string[]): string {
	const parsed = matter ? parseFrontMatter(matter.value, matter.type === 'toml' ? 'toml' : 'yaml') : undefined;
	const data: Record<string, unknown> = {};
	if (parsed && 'data' in parsed)
		for (const [key, value] of Object.entries(parsed.data))
			if (!FILE_FIELDS.has(key.toLowerCase().replace(/[_\s-]/g, ''))) data[key] = value;
	// JSON is YAML: values as the file held them, quoted as needed.
	return JSON.stringify({ ...data, title: names[0], alerts: names });
}
