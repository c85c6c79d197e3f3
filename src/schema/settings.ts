import { z } from 'astro/zod';
import { lintSettingsSchema } from './lint.ts';

/** The largest runbook file read (5 MB) unless `import.maxFileBytes` says otherwise: see settingsSchema. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Site-wide settings, content/settings.yaml. */
export const settingsSchema = z.strictObject({
	reviewEveryDays: z
		.number({ error: 'reviewEveryDays must be a number of days. Hint: write e.g. `reviewEveryDays: 180`' })
		.int()
		.positive()
		.default(180)
		.describe('How often a runbook must be reviewed, in days, unless it sets its own reviewEveryDays'),
	lint: lintSettingsSchema,
	offline: z
		.boolean()
		.default(true)
		.describe('Keep runbooks readable without a network (a service worker and "Keep all runbooks offline"); false builds without them'),
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
