import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { settingsSchema, type Settings } from './schema/settings.ts';

// Wiring only: read once at build time; a bad file stops the build naming the field.
// RUNSHEET_SETTINGS names another file, as the test sites do; RUNSHEET_SYNC_URL, RUNSHEET_SYNC_TOKEN
// and RUNSHEET_SYNC_TOKEN_URL set sync.url, sync.token and sync.tokenUrl.
const FILE = process.env.RUNSHEET_SETTINGS ?? 'content/settings.yaml';

export function loadSettings(file = FILE): Settings {
	let raw: unknown = {};
	try {
		raw = parse(readFileSync(file, 'utf8')) ?? {};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
	}
	// The sync server may be named at build time instead (a deploy pipeline that knows it, and
	// keeps a token out of the repository).
	const { RUNSHEET_SYNC_URL: url, RUNSHEET_SYNC_TOKEN: token, RUNSHEET_SYNC_TOKEN_URL: tokenUrl } = process.env;
	const given = Object.fromEntries(Object.entries({ url, token, tokenUrl }).filter(([, value]) => value));
	if (Object.keys(given).length && raw && typeof raw === 'object') {
		const sync = (raw as { sync?: unknown }).sync;
		raw = { ...raw, sync: { ...(typeof sync === 'object' ? sync : {}), ...given } };
	}
	const result = settingsSchema.safeParse(raw);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		throw new Error(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
	}
	return result.data;
}

export const settings = loadSettings();
