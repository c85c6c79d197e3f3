import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../src/schema/settings.ts';
import { checkToken, signToken, TOKEN_PATTERN } from '../../../src/sync/tokens.ts';

const SECRET = 'a-secret-of-at-least-32-characters-long';
const NOW = Date.UTC(2026, 11, 6, 3, 0);

describe('sync tokens', () => {
	it('are good until they expire, with the secret that signed them only', () => {
		const token = signToken(SECRET, new Date(NOW + 60_000));
		expect(token).toMatch(TOKEN_PATTERN);
		expect(checkToken(SECRET, token, NOW)).toBe('ok');
		expect(checkToken(SECRET, token, NOW + 60_000)).toBe('token-expired');
		expect(checkToken(`${SECRET}!`, token, NOW)).toBe('token-invalid');
	});
	it('cannot be changed: a later expiry, another signature, another version', () => {
		const token = signToken(SECRET, new Date(NOW + 60_000));
		const [, expires, signature] = token.split('.');
		expect(checkToken(SECRET, `v1.${Number(expires) + 86_400}.${signature}`, NOW)).toBe('token-invalid');
		expect(checkToken(SECRET, `v1.${expires}.${'A'.repeat(43)}`, NOW)).toBe('token-invalid');
		expect(checkToken(SECRET, `v2.${expires}.${signature}`, NOW)).toBe('token-malformed');
	});
	it('are refused when missing or not a token at all', () => {
		expect(checkToken(SECRET, undefined, NOW)).toBe('token-missing');
		expect(checkToken(SECRET, '', NOW)).toBe('token-missing');
		expect(checkToken(SECRET, SECRET, NOW)).toBe('token-malformed');
		expect(checkToken(SECRET, 'v1.1.x', NOW)).toBe('token-malformed');
	});
	it('are what a site may set as sync.token, and the secret is not', () => {
		const url = 'wss://runbooks.example.com/sync';
		const token = signToken(SECRET, new Date(NOW + 86_400_000 * 365));
		expect(settingsSchema.safeParse({ sync: { url, token } }).success).toBe(true);
		const secret = settingsSchema.safeParse({ sync: { url, token: SECRET } });
		expect(secret.error?.issues[0]?.message).toMatch(
			/sync\.token must be a token made by `npm run sync-server -- token`, never the secret itself/,
		);
	});
});
