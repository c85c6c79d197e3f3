import { z } from 'astro/zod';
import { lintSettingsSchema } from './lint.ts';

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
				.describe('The y-websocket server live runs sync through (docs/sync-server.md)'),
		})
		.optional()
		.describe('Live runs: several responders on one run, synced through a y-websocket server; absent, no sync code is loaded'),
});

export type Settings = z.infer<typeof settingsSchema>;
