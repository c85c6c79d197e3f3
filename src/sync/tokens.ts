import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The tokens that let a page into the sync server: `v1.<expiry>.<signature>`, the expiry in
 * seconds since 1970 and the signature an HMAC-SHA256 of `v1.<expiry>` with the server's secret
 * (RUNSHEET_SYNC_SECRET), in base64url. Whoever holds the secret can make one: the server's own
 * `/token` route behind a proxy that signs people in, `npm run sync-server -- token` for a token
 * built into the site, or the team's own service (this file is the whole format). The secret
 * itself never reaches a browser, and a room's id alone never lets anyone in.
 */

const VERSION = 'v1';
/** 32 characters: `openssl rand -base64 32` gives 44. */
export const MIN_SECRET_LENGTH = 32;

export type TokenCheck = 'ok' | 'token-missing' | 'token-malformed' | 'token-invalid' | 'token-expired';

const signature = (secret: string, expires: number) => createHmac('sha256', secret).update(`${VERSION}.${expires}`).digest('base64url');

/** A token valid until `expires` (rounded down to the second). */
export function signToken(secret: string, expires: Date): string {
	const seconds = Math.floor(expires.getTime() / 1000);
	return `${VERSION}.${seconds}.${signature(secret, seconds)}`;
}

/** What a token is worth to a server with this secret, at `now` (ms). */
export function checkToken(secret: string, token: string | undefined, now = Date.now()): TokenCheck {
	if (!token) return 'token-missing';
	const match = /^v1\.(\d{1,12})\.([\w-]{43})$/.exec(token);
	if (!match) return 'token-malformed';
	const expires = Number(match[1]);
	// Compared in constant time, so the signature cannot be guessed byte by byte.
	const given = Buffer.from(match[2]!);
	const wanted = Buffer.from(signature(secret, expires));
	if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'token-invalid';
	return expires * 1000 > now ? 'ok' : 'token-expired';
}

/** The shape a site's `sync.token` must have (a token, never the secret by mistake). */
export const TOKEN_PATTERN = /^v1\.\d{1,12}\.[\w-]{43}$/;
