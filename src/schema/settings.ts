import { z } from 'astro/zod';
import { lintSettingsSchema } from './lint.ts';

/** The largest runbook file read (5 MB) unless `import.maxFileBytes` says otherwise: see settingsSchema. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The site's default title and description, when the config file gives none. */
export const DEFAULT_TITLE = 'Runsheet';
export const DEFAULT_DESCRIPTION = 'Runbooks you can follow, print, roll back and link.';

/** Images a logo may be: what a browser shows in the header (Starlight's logo). */
export const LOGO_EXTENSIONS = ['svg', 'png', 'jpg', 'jpeg', 'webp', 'gif', 'avif'] as const;

// Schemes that run code or carry a document in the link itself: never a link of the site.
const UNSAFE_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob']);

/** Whether a link of the site's header is one to follow: http(s), mailto:, tel: or an app's scheme (slack:), never script. */
export function isSafeLinkHref(href: string): boolean {
	// A tab or a line break inside "java\tscript:" is dropped by browsers: no blank of any kind.
	if (/\s/.test(href) || [...href].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
	if (!scheme || UNSAFE_SCHEMES.has(scheme)) return false;
	if (scheme === 'http' || scheme === 'https') return URL.canParse(href) && /^https?:\/\/[^/?#]/i.test(href);
	return href.length > scheme.length + 1;
}

const linkSchema = z
	.strictObject({
		label: z
			.string({ error: 'links[].label must be the words of the link. Hint: write e.g. `label: Status page`' })
			.trim()
			.min(1, { error: 'links[].label is empty. Hint: write e.g. `label: Status page`' })
			.describe('The words of the link, e.g. "Status page", "On-call", "#incidents"'),
		href: z
			.string({ error: 'links[].href must be an address. Hint: write e.g. `href: https://status.example.com`' })
			.refine(isSafeLinkHref, {
				error: (issue) =>
					`links[].href ${JSON.stringify(issue.input)} is not a link the site gives. Hint: an http(s) address, mailto:, tel: or an app's link such as slack://channel?team=T0&id=C0 (never javascript: or data:)`,
			})
			.describe('Where it goes: https://…, mailto:…, tel:… or an app link such as slack://…; javascript: and data: are refused'),
	})
	.describe('A link on every page: the status page, on-call, the incident channel');

/** Site-wide settings: the config file, runsheet.config.yaml (src/config/read-config.ts finds and reads it). */
export const settingsSchema = z.strictObject({
	title: z
		.string({ error: 'title must be text. Hint: write e.g. `title: Acme runbooks`' })
		.trim()
		.min(1, { error: 'title is empty. Hint: write e.g. `title: Acme runbooks`, or remove it for "Runsheet"' })
		.default(DEFAULT_TITLE)
		.describe("The site's name, in the header and every page's title"),
	description: z
		.string({ error: 'description must be text. Hint: write e.g. `description: How Acme runs production`' })
		.trim()
		.min(1, { error: 'description is empty. Hint: write a sentence, or remove it for the default' })
		.default(DEFAULT_DESCRIPTION)
		.describe("The site's description, for search engines and link previews"),
	logo: z
		.strictObject({
			src: z
				.string({ error: 'logo.src must be the path of an image. Hint: write e.g. `src: ./logo.svg` (beside this file)' })
				.refine((src) => !/^[a-z][a-z0-9+.-]*:/i.test(src) || /^[a-z]:[\\/]/i.test(src), {
					error: 'logo.src must be a file, not an address. Hint: save the image beside this file and write e.g. `src: ./logo.svg`',
				})
				.refine((src) => new RegExp(`\\.(${LOGO_EXTENSIONS.join('|')})$`, 'i').test(src), {
					error: `logo.src must be an image. Hint: a file ending in .${LOGO_EXTENSIONS.join(', .')}`,
				})
				.describe('The image, a path from the folder of the config file (e.g. ./logo.svg)'),
			alt: z
				.string({ error: 'logo.alt must be text. Hint: write e.g. `alt: Acme`' })
				.optional()
				.describe('What the logo says, for screen readers (the title when it replaces it)'),
			replacesTitle: z
				.boolean({ error: 'logo.replacesTitle must be true or false. Hint: write `replacesTitle: true` to show the logo alone' })
				.optional()
				.describe('Show the logo alone, without the title beside it (the title stays for screen readers)'),
		})
		.optional()
		.describe("The site's logo, in the header"),
	links: z
		.array(linkSchema, { error: 'links must be a list. Hint: write each as `- { label: Status page, href: https://status.example.com }`' })
		.optional()
		.describe('Links on every page: the status page, on-call, the incident channel'),
	site: z
		.url({
			protocol: /^https?$/,
			hostname: z.regexes.hostname,
			error:
				"site must be the site's address, starting with https://. Hint: write e.g. `site: https://runbooks.example.com` (or set RUNSHEET_SITE)",
		})
		.optional()
		.describe("The site's address, for the absolute URLs of /runbooks.json and alerts (or RUNSHEET_SITE at build time)"),
	base: z
		.string({ error: 'base must be a path. Hint: write e.g. `base: /ops-runbooks` (or set RUNSHEET_BASE)' })
		.regex(/^(\/[\w.~-]+)*\/?$/, {
			error:
				'base must be a path starting with /, of letters, digits, ".", "-", "_" or "~". Hint: write e.g. `base: /ops-runbooks` (or set RUNSHEET_BASE)',
		})
		.refine((base) => !base.split('/').some((part) => part === '.' || part === '..'), {
			error: 'base cannot hold "." or ".." as a folder. Hint: write the path the site is served below, e.g. `base: /ops-runbooks`',
		})
		// Astro and every link Runsheet writes join the base with paths that start with "/".
		.transform((base) => base.replace(/\/+$/, ''))
		.optional()
		.describe(
			'The path the site is served below, when not at the root of its domain: GitHub or GitLab Pages (or RUNSHEET_BASE at build time)',
		),
	reviewEveryDays: z
		.number({ error: 'reviewEveryDays must be a number of days. Hint: write e.g. `reviewEveryDays: 180`' })
		.int()
		.positive()
		.default(180)
		.describe('How often a runbook must be reviewed, in days, unless it sets its own reviewEveryDays'),
	lint: lintSettingsSchema,
	offline: z
		.boolean({ error: 'offline must be true or false. Hint: write `offline: false` to build without the service worker' })
		.default(true)
		.describe('Keep runbooks readable without a network (a service worker and "Keep all runbooks offline"); false builds without them'),
	runbookJson: z
		.boolean({ error: 'runbookJson must be true or false. Hint: write `runbookJson: true` to publish /runbooks/<id>.json' })
		.default(false)
		.describe(
			"Publish each runbook's full typed data at /runbooks/<id>.json, for programs (one more file per runbook; /runbooks.json always lists every runbook)",
		),
	systemPagesFrom: z
		.number({ error: 'systemPagesFrom must be a number of runbooks. Hint: write e.g. `systemPagesFrom: 1000`' })
		.int()
		.positive()
		.default(1000)
		.describe(
			'From this many runbooks on, the catalog (/runbooks/), the rollback finder (/rollback/), /signoff/ and /alerts/ list systems, each with a page of its own (/systems/<slug>/) with its runbooks, rollback procedures and alerts, instead of every runbook, procedure and alert on one page',
		),
	runbooksPerSystemPage: z
		.number({ error: 'runbooksPerSystemPage must be a number of runbooks. Hint: write e.g. `runbooksPerSystemPage: 100`' })
		.int()
		.positive()
		.default(100)
		.describe(
			"The most runbooks a system's page lists (with their rollback procedures and alerts): a system with more has its runbooks on pages in turn, /systems/<slug>/2/ and on",
		),
	sync: z
		.strictObject({
			url: z
				.url({
					protocol: /^wss?$/,
					error:
						'sync.url must be a WebSocket URL. Hint: write e.g. `url: wss://runbooks.example.com/sync` (ws:// for a server on this machine)',
				})
				.describe('The sync server live runs go through (docs/sync-server.md)'),
			token: z
				.string()
				// The shape of src/sync/tokens.ts's tokens (a unit test signs one and checks it here).
				.regex(/^v1\.\d{1,12}\.[\w-]{43}$/, {
					error:
						'sync.token must be a token made by `npm run sync-server -- token`, never the secret itself. Hint: v1.<expiry>.<signature>',
				})
				.optional()
				.describe(
					'A token every page gives the sync server, made with `npm run sync-server -- token` (or RUNSHEET_SYNC_TOKEN at build time); whoever can read the site can use it',
				),
			tokenUrl: z
				.string()
				.regex(/^(https?:\/\/[^\s]+|\/[^\s]*)$/, {
					error: 'sync.tokenUrl must be a URL or a path on the site. Hint: write e.g. `tokenUrl: /sync/token`',
				})
				.optional()
				.describe(
					"Where a page fetches a short-lived token (with the site's cookies) before each connection: the sync server's /token behind the team's sign-in (or RUNSHEET_SYNC_TOKEN_URL at build time)",
				),
		})
		.refine((sync) => !(sync.token && sync.tokenUrl), {
			error: 'sync.token and sync.tokenUrl: give one of them. Hint: tokenUrl when a proxy signs people in, token otherwise',
		})
		.optional()
		.describe(
			"Live runs: several responders on one run, synced through the team's sync server (npm run sync-server); absent, no sync code is loaded",
		),
	search: z
		.strictObject({
			synonyms: z
				.array(
					z
						.array(
							z.string({ error: 'search.synonyms: each word must be text' }).trim().min(1, { error: 'search.synonyms: a word is empty' }),
							{
								error: 'search.synonyms must be a list of groups. Hint: write each as `- [disk full, out of space, ENOSPC]`',
							},
						)
						.min(2, { error: 'a group needs two words at least. Hint: `- [disk full, out of space]`' }),
					{ error: 'search.synonyms must be a list of groups. Hint: write each as `- [disk full, out of space, ENOSPC]`' },
				)
				.optional()
				.describe(
					'Groups of words for one symptom, added to the built-in ones: a runbook whose title, alerts, summary or opening section holds one word of a group is found by all of them',
				),
		})
		.optional()
		.describe('Site search'),
	import: z
		.strictObject({
			maxFileBytes: z
				.number({ error: 'import.maxFileBytes must be a number of bytes. Hint: write e.g. `maxFileBytes: 5242880` (5 MB)' })
				.int()
				.positive()
				.optional()
				.describe(
					'The largest runbook file read, in bytes (default 5 MB): a bigger one is refused with its name, and the rest of its folder still read',
				),
		})
		.optional()
		.describe('Reading runbook files: Markdown imported by `npm run import` and at every build, and YAML'),
});

/** The size limit of a runbook file the settings set. */
export const maxFileBytes = (settings: Pick<Settings, 'import'>): number => settings.import?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;

export type Settings = z.infer<typeof settingsSchema>;
