import { resolve } from 'node:path';
import { normalOrigin } from './origins.ts';
import { MIN_SECRET_LENGTH } from './tokens.ts';

/** The sync server's settings, all from environment variables (docs/sync-server.md lists them). */
export interface SyncOptions {
	host: string;
	port: number;
	/** Signs and checks tokens; without it tokens are not asked for, and only this machine may listen. */
	secret?: string;
	/** The origins whose pages may connect; undefined: pages on the host name the request was sent to. */
	origins?: string[];
	/** The SQLite file the rooms are kept in. */
	db: string;
	/** A Redis URL: instances that share it share their rooms. */
	redis?: string;
	/** The largest frame a client may send, and the largest a room may grow to, in bytes. */
	maxBytes: number;
	/** Serve `GET /token` (a signed token to whoever reaches it: only behind a proxy that signs people in). */
	issueTokens: boolean;
}

export const DEFAULTS = {
	host: '127.0.0.1',
	port: 1234,
	db: '.runsheet-sync/rooms.sqlite',
	/** A live run of 10,000 events is about 1 MB; the old server let one frame reach 100 MiB. */
	maxBytes: 4 * 1024 * 1024,
} as const;

/** Minutes a token from `/token` stays good: a page asks for a new one at every connection. */
export const ISSUED_TOKEN_MINUTES = 15;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1)$/i;
export const isLoopback = (host: string) => LOOPBACK.test(host);

/** The options the environment gives, or an error that names the variable and what to write. */
export function optionsFromEnv(env: Record<string, string | undefined>, cwd = process.cwd()): SyncOptions {
	const fail = (name: string, problem: string): never => {
		throw new Error(`${name}: ${problem}`);
	};
	const host = env.RUNSHEET_SYNC_HOST || DEFAULTS.host;
	const port = Number(env.RUNSHEET_SYNC_PORT || DEFAULTS.port);
	// 0: any free port (the server prints the one it got).
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		fail('RUNSHEET_SYNC_PORT', `"${env.RUNSHEET_SYNC_PORT}" is not a port (1 to 65535)`);

	const secret = env.RUNSHEET_SYNC_SECRET || undefined;
	if (secret && secret.length < MIN_SECRET_LENGTH)
		fail('RUNSHEET_SYNC_SECRET', `at least ${MIN_SECRET_LENGTH} characters. Hint: \`openssl rand -base64 32\``);
	if (!secret && !isLoopback(host))
		fail(
			'RUNSHEET_SYNC_SECRET',
			`needed to listen on ${host}: without it anyone who reaches the server could join a room. Hint: \`openssl rand -base64 32\`, then build the site with a token (docs/sync-server.md)`,
		);

	let origins: string[] | undefined;
	if (env.RUNSHEET_SYNC_ORIGINS) {
		origins = env.RUNSHEET_SYNC_ORIGINS.split(/[\s,]+/)
			.filter(Boolean)
			.map(
				(text) =>
					normalOrigin(text) ??
					fail('RUNSHEET_SYNC_ORIGINS', `"${text}" is not an origin. Hint: write e.g. https://runbooks.example.com, comma-separated`),
			);
	}

	const redis = env.RUNSHEET_SYNC_REDIS || undefined;
	if (redis && !/^rediss?:\/\/[^\s]+$/.test(redis))
		fail('RUNSHEET_SYNC_REDIS', `"${redis}" is not a Redis URL. Hint: write e.g. redis://127.0.0.1:6379`);

	const maxBytes = Number(env.RUNSHEET_SYNC_MAX_BYTES || DEFAULTS.maxBytes);
	if (!Number.isInteger(maxBytes) || maxBytes < 64 * 1024)
		fail('RUNSHEET_SYNC_MAX_BYTES', `"${env.RUNSHEET_SYNC_MAX_BYTES}" must be a number of bytes, at least 65536`);

	const issueTokens = env.RUNSHEET_SYNC_ISSUE_TOKENS === '1';
	if (env.RUNSHEET_SYNC_ISSUE_TOKENS && !['0', '1'].includes(env.RUNSHEET_SYNC_ISSUE_TOKENS))
		fail('RUNSHEET_SYNC_ISSUE_TOKENS', 'write 1 to serve /token, or leave it out');
	if (issueTokens && !secret) fail('RUNSHEET_SYNC_ISSUE_TOKENS', 'tokens are signed with RUNSHEET_SYNC_SECRET: set it too');

	return { host, port, secret, origins, db: resolve(cwd, env.RUNSHEET_SYNC_DB || DEFAULTS.db), redis, maxBytes, issueTokens };
}
