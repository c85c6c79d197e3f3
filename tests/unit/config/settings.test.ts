import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../src/settings.ts';

const write = (text: string) => {
	const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.yaml');
	writeFileSync(file, text);
	return file;
};

describe('content/settings.yaml', () => {
	it('is read, with defaults for what it leaves out or when it is missing', () => {
		expect(loadSettings().reviewEveryDays).toBe(180);
		const defaults = { reviewEveryDays: 180, lint: { showOnPages: false, rules: {} }, offline: true };
		expect(loadSettings(write('{}\n'))).toEqual(defaults);
		expect(loadSettings('/nonexistent/settings.yaml')).toEqual(defaults);
	});
	it('sets lint severities per rule and whether pages show findings', () => {
		const settings = loadSettings(write('lint:\n  showOnPages: true\n  rules:\n    literal-host: error\n    bare-verb-step: off\n'));
		expect(settings.lint).toEqual({ showOnPages: true, rules: { 'literal-host': 'error', 'bare-verb-step': 'off' } });
		expect(() => loadSettings(write('lint:\n  rules:\n    literal-hosts: error\n'))).toThrow(
			/settings\.yaml: lint\.rules.*literal-hosts.*is not a lint rule\. Hint: use one of literal-date/,
		);
		expect(() => loadSettings(write('lint:\n  rules:\n    literal-host: loud\n'))).toThrow(
			/settings\.yaml: lint\.rules\.literal-host: "loud" is not a severity\. Hint: use error, warning, info or off/,
		);
	});
	it('names a sync server for live runs, in the file or at build time, and only a WebSocket one', () => {
		expect(loadSettings(write('sync:\n  url: wss://runbooks.example.com/sync\n')).sync).toEqual({ url: 'wss://runbooks.example.com/sync' });
		expect(() => loadSettings(write('sync:\n  url: https://runbooks.example.com/sync\n'))).toThrow(
			/settings\.yaml: sync\.url: sync\.url must be a WebSocket URL\. Hint: write e\.g\. `url: wss:/,
		);
		process.env.RUNSHEET_SYNC_URL = 'ws://localhost:1234';
		try {
			expect(loadSettings(write('{}\n')).sync).toEqual({ url: 'ws://localhost:1234' });
		} finally {
			delete process.env.RUNSHEET_SYNC_URL;
		}
	});
	it('gives the pages a token for the sync server: built in, or where to fetch one, never both', () => {
		const token = `v1.1830000000.${'a'.repeat(43)}`;
		const url = 'sync:\n  url: wss://runbooks.example.com/sync\n';
		expect(loadSettings(write(`${url}  token: ${token}\n`)).sync).toEqual({ url: 'wss://runbooks.example.com/sync', token });
		expect(loadSettings(write(`${url}  tokenUrl: /sync/token\n`)).sync?.tokenUrl).toBe('/sync/token');
		expect(() => loadSettings(write(`${url}  tokenUrl: sync/token\n`))).toThrow(
			/sync\.tokenUrl: sync\.tokenUrl must be a URL or a path on the site/,
		);
		expect(() => loadSettings(write(`${url}  token: ${token}\n  tokenUrl: /sync/token\n`))).toThrow(
			/sync: sync\.token and sync\.tokenUrl: give one of them/,
		);
		// At build time, beside what the file says (a pipeline keeps the token out of the repository).
		process.env.RUNSHEET_SYNC_TOKEN = token;
		try {
			expect(loadSettings(write(url)).sync).toEqual({ url: 'wss://runbooks.example.com/sync', token });
		} finally {
			delete process.env.RUNSHEET_SYNC_TOKEN;
		}
		process.env.RUNSHEET_SYNC_TOKEN_URL = 'https://sync.example.com/token';
		process.env.RUNSHEET_SYNC_URL = 'wss://sync.example.com';
		try {
			expect(loadSettings(write('{}\n')).sync).toEqual({ url: 'wss://sync.example.com', tokenUrl: 'https://sync.example.com/token' });
		} finally {
			delete process.env.RUNSHEET_SYNC_TOKEN_URL;
			delete process.env.RUNSHEET_SYNC_URL;
		}
	});
	it('fails naming the file, the field and a fix', () => {
		const file = write('reviewEveryDays: soon\n');
		expect(() => loadSettings(file)).toThrow(
			/settings\.yaml: reviewEveryDays: reviewEveryDays must be a number of days\. Hint: write e\.g\. `reviewEveryDays: 180`/,
		);
		expect(() => loadSettings(write('reviewEvery: 90\n'))).toThrow(/settings\.yaml: .*reviewEvery/);
	});
});
