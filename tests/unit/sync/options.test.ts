import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../../../src/sync/options.ts';

const SECRET = 'a-secret-of-at-least-32-characters-long';

describe('sync server options', () => {
	it('start safe: this machine only, no token asked, rooms in a file, 4 MiB at most', () => {
		expect(optionsFromEnv({}, '/srv')).toEqual({
			host: '127.0.0.1',
			port: 1234,
			secret: undefined,
			origins: undefined,
			db: '/srv/.runsheet-sync/rooms.sqlite',
			redis: undefined,
			maxBytes: 4 * 1024 * 1024,
			issueTokens: false,
		});
	});
	it('take every setting from its variable', () => {
		const options = optionsFromEnv(
			{
				RUNSHEET_SYNC_HOST: '0.0.0.0',
				RUNSHEET_SYNC_PORT: '8080',
				RUNSHEET_SYNC_SECRET: SECRET,
				RUNSHEET_SYNC_ORIGINS: 'https://runbooks.example.com, https://ops.example.com/',
				RUNSHEET_SYNC_DB: '/data/rooms.sqlite',
				RUNSHEET_SYNC_REDIS: 'redis://redis:6379/2',
				RUNSHEET_SYNC_MAX_BYTES: '1048576',
				RUNSHEET_SYNC_ISSUE_TOKENS: '1',
			},
			'/srv',
		);
		expect(options).toEqual({
			host: '0.0.0.0',
			port: 8080,
			secret: SECRET,
			origins: ['https://runbooks.example.com', 'https://ops.example.com'],
			db: '/data/rooms.sqlite',
			redis: 'redis://redis:6379/2',
			maxBytes: 1048576,
			issueTokens: true,
		});
	});
	it('refuse to listen beyond this machine without a secret, and a secret too short', () => {
		expect(() => optionsFromEnv({ RUNSHEET_SYNC_HOST: '0.0.0.0' })).toThrow(/^RUNSHEET_SYNC_SECRET: needed to listen on 0\.0\.0\.0/);
		expect(() => optionsFromEnv({ RUNSHEET_SYNC_SECRET: 'short' })).toThrow(/^RUNSHEET_SYNC_SECRET: at least 32 characters/);
		expect(() => optionsFromEnv({ RUNSHEET_SYNC_ISSUE_TOKENS: '1' })).toThrow(/^RUNSHEET_SYNC_ISSUE_TOKENS: .*RUNSHEET_SYNC_SECRET/);
	});
	it('name the variable and what to write when one is wrong', () => {
		expect(() => optionsFromEnv({ RUNSHEET_SYNC_PORT: 'http' })).toThrow(/^RUNSHEET_SYNC_PORT: "http" is not a port/);
		expect(() => optionsFromEnv({ RUNSHEET_SYNC_ORIGINS: 'runbooks.example.com' })).toThrow(
			/^RUNSHEET_SYNC_ORIGINS: "runbooks\.example\.com" is not an origin\. Hint: write e\.g\. https:/,
		);
		expect(() => optionsFromEnv({ RUNSHEET_SYNC_REDIS: 'localhost:6379' })).toThrow(
			/^RUNSHEET_SYNC_REDIS: .*Hint: write e\.g\. redis:\/\//,
		);
		expect(() => optionsFromEnv({ RUNSHEET_SYNC_MAX_BYTES: '100' })).toThrow(/^RUNSHEET_SYNC_MAX_BYTES: .*at least 65536/);
		expect(() => optionsFromEnv({ RUNSHEET_SYNC_ISSUE_TOKENS: 'yes', RUNSHEET_SYNC_SECRET: SECRET })).toThrow(
			/^RUNSHEET_SYNC_ISSUE_TOKENS/,
		);
	});
});
