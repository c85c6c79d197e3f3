/**
 * An alert that no runbook names: its link (`/alerts/<Name>/`, from a rule's runbook_url) lands
 * on the site's not-found page, which every static host serves for any missing path. The page
 * reads the name from its own address, searches for its words and shows the Markdown file that
 * would answer it (src/client/unknown-alert.ts). Pure, so the page's script stays small.
 */
import { splitCamelCase } from './search-terms.ts';

/**
 * src/schema/alerts.ts's ALERT_NAME, repeated here without zod (the browser takes this module;
 * a unit test keeps the two equal). Anything else in the path is not an alert name, and is
 * never shown.
 */
export const ALERT_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/;
/** Longer than any rule's name: a longer path segment is not one. */
const MAX_NAME = 200;

/** What the template shows where no name is known (the page without JavaScript). */
export const PLACEHOLDER_ALERT = 'AlertName';

/**
 * The alert an address names, when it is `<base>/alerts/<Name>/` (or without its last slash): the
 * name decoded and checked against what an alert name may be; anything else is undefined.
 * `base` is the site's base path without its last slash ("" at a domain's root).
 */
export function alertFromPath(pathname: string, base: string): string | undefined {
	const prefix = `${base}/alerts/`;
	if (!pathname.startsWith(prefix)) return undefined;
	const segment = /^([^/]+)\/?$/.exec(pathname.slice(prefix.length))?.[1];
	if (!segment || segment.length > MAX_NAME * 3) return undefined;
	let name: string;
	try {
		name = decodeURIComponent(segment);
	} catch {
		return undefined;
	}
	return name.length <= MAX_NAME && ALERT_NAME_PATTERN.test(name) ? name : undefined;
}

/**
 * The words of an alert's name, as a responder would type them: CamelCase, acronyms, digits,
 * `_`, `.`, `:` and `-` split ("KubePodCrashLooping" → Kube Pod Crash Looping, "NodeRAIDDiskFailure"
 * → Node RAID Disk Failure, "etcd_members:down" → etcd members down).
 */
export function alertWords(name: string): string[] {
	return splitCamelCase(name)
		.split(/[\s_.:-]+/)
		.filter(Boolean);
}

/** The title a runbook for the alert would have: its words, the first capitalised ("Kube pod crash looping"). */
export function alertTitle(name: string): string {
	const words = alertWords(name).map((word, i) => (i > 0 && /^[A-Z][a-z]+$/.test(word) ? word.toLowerCase() : word));
	const title = words.join(' ');
	return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * A Markdown runbook for the alert, as the importer reads one (src/import/, the guide "Write or
 * import a runbook"): front matter with its title, its alert and its owners, and the four parts of
 * an alert runbook. A paragraph ending in ":" over a code block is a step with that command.
 */
export function alertRunbookTemplate(name: string): string {
	const title = name === PLACEHOLDER_ALERT ? 'What the alert is about' : alertTitle(name);
	return [
		'---',
		`title: ${JSON.stringify(title)}`,
		`alerts: [${name}]`,
		'owners: [your-team]',
		'---',
		'',
		`# ${name}`,
		'',
		'## Meaning',
		'',
		'What the alert says is wrong, in one or two sentences.',
		'',
		'## Impact',
		'',
		'Who or what suffers while it fires.',
		'',
		'## Diagnosis',
		'',
		'Run the following command to see what is wrong:',
		'',
		'```bash',
		'kubectl get pods -n $NAMESPACE',
		'```',
		'',
		'## Mitigation',
		'',
		'1. The first thing to do, and the command for it.',
		'2. How to know it worked.',
		'',
	].join('\n');
}

/** Where the file goes in the team's runbooks folder, by the alert's name. */
export const alertRunbookFile = (name: string) => `${name}.md`;
