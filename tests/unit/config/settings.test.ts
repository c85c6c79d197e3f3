import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../src/settings.ts';

// The settings as the scripts and the build read them (src/settings.ts), from a named file
// (--config, RUNSHEET_CONFIG) or the repository's own runsheet.config.yaml.
const write = (text: string) => {
	const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.yaml');
	writeFileSync(file, text);
	return file;
};

describe('the settings the scripts and the build read', () => {
	it('are read, with defaults for what the file leaves out', async () => {
		expect((await loadSettings()).reviewEveryDays).toBe(180);
		expect((await loadSettings()).title).toBe('Runsheet');
		const defaults = {
			title: 'Runsheet',
			description: 'Runbooks you can follow, print, roll back and link.',
			reviewEveryDays: 180,
			lint: { showOnPages: false, rules: {} },
			offline: true,
			runbookJson: false,
			systemPagesFrom: 1000,
			runbooksPerSystemPage: 100,
		};
		expect(await loadSettings(write('{}\n'))).toEqual(defaults);
		expect(await loadSettings(write(''))).toEqual(defaults);
	});
	it('publish /runbooks/<id>.json only when asked, and say how when the value is not true or false', async () => {
		expect((await loadSettings(write('runbookJson: true\n'))).runbookJson).toBe(true);
		await expect(loadSettings(write('runbookJson: yes please\n'))).rejects.toThrow(
			/runbookJson must be true or false\. Hint: write `runbookJson: true`/,
		);
	});
	it('list systems on pages of their own from the number of runbooks given, and say how when it is not a count', async () => {
		expect((await loadSettings(write('systemPagesFrom: 2\n'))).systemPagesFrom).toBe(2);
		await expect(loadSettings(write('systemPagesFrom: many\n'))).rejects.toThrow(
			/systemPagesFrom must be a number of runbooks\. Hint: write e\.g\. `systemPagesFrom: 1000`/,
		);
		await expect(loadSettings(write('systemPagesFrom: 0\n'))).rejects.toThrow(/systemPagesFrom/);
	});
	it("list a system's runbooks on pages of the number given, and say how when it is not a count", async () => {
		expect((await loadSettings(write('runbooksPerSystemPage: 1\n'))).runbooksPerSystemPage).toBe(1);
		await expect(loadSettings(write('runbooksPerSystemPage: all\n'))).rejects.toThrow(
			/runbooksPerSystemPage must be a number of runbooks\. Hint: write e\.g\. `runbooksPerSystemPage: 100`/,
		);
		await expect(loadSettings(write('runbooksPerSystemPage: 2.5\n'))).rejects.toThrow(/runbooksPerSystemPage/);
	});
	it('take the site’s own search synonyms, each group two words at least', async () => {
		const settings = await loadSettings(write('search:\n  synonyms:\n    - [payments down, " checkout broken "]\n'));
		expect(settings.search).toEqual({ synonyms: [['payments down', 'checkout broken']] });
		await expect(loadSettings(write('search:\n  synonyms:\n    - [alone]\n'))).rejects.toThrow(
			/settings\.yaml:3: search\.synonyms\[0\]: a group needs two words at least/,
		);
		await expect(loadSettings(write('search:\n  synonyms: disk full\n'))).rejects.toThrow(/search\.synonyms must be a list of groups/);
	});
	it('stop on a named file that is not there, rather than build with defaults', async () => {
		await expect(loadSettings('/nonexistent/settings.yaml')).rejects.toThrow(
			/^\/nonexistent\/settings\.yaml: no such config file\. Hint: check the path/,
		);
	});
	it('set lint severities per rule and whether pages show findings', async () => {
		const settings = await loadSettings(write('lint:\n  showOnPages: true\n  rules:\n    literal-host: error\n    bare-verb-step: off\n'));
		expect(settings.lint).toEqual({ showOnPages: true, rules: { 'literal-host': 'error', 'bare-verb-step': 'off' } });
		await expect(loadSettings(write('lint:\n  rules:\n    literal-hosts: error\n'))).rejects.toThrow(
			/settings\.yaml:3: lint\.rules.*literal-hosts.*is not a lint rule\. Hint: use one of literal-date/,
		);
		await expect(loadSettings(write('lint:\n  rules:\n    literal-host: loud\n'))).rejects.toThrow(
			/settings\.yaml:3: lint\.rules\.literal-host: "loud" is not a severity\. Hint: use error, warning, info or off/,
		);
	});
	it('name a sync server for live runs, in the file or at build time, and only a WebSocket one', async () => {
		expect((await loadSettings(write('sync:\n  url: wss://runbooks.example.com/sync\n'))).sync).toEqual({
			url: 'wss://runbooks.example.com/sync',
		});
		await expect(loadSettings(write('sync:\n  url: https://runbooks.example.com/sync\n'))).rejects.toThrow(
			/settings\.yaml:2: sync\.url: sync\.url must be a WebSocket URL\. Hint: write e\.g\. `url: wss:/,
		);
		process.env.RUNSHEET_SYNC_URL = 'ws://localhost:1234';
		try {
			expect((await loadSettings(write('{}\n'))).sync).toEqual({ url: 'ws://localhost:1234' });
		} finally {
			delete process.env.RUNSHEET_SYNC_URL;
		}
	});
	it('give the pages a token for the sync server: built in, or where to fetch one, never both', async () => {
		const token = `v1.1830000000.${'a'.repeat(43)}`;
		const url = 'sync:\n  url: wss://runbooks.example.com/sync\n';
		expect((await loadSettings(write(`${url}  token: ${token}\n`))).sync).toEqual({ url: 'wss://runbooks.example.com/sync', token });
		expect((await loadSettings(write(`${url}  tokenUrl: /sync/token\n`))).sync?.tokenUrl).toBe('/sync/token');
		await expect(loadSettings(write(`${url}  tokenUrl: sync/token\n`))).rejects.toThrow(
			/sync\.tokenUrl: sync\.tokenUrl must be a URL or a path on the site/,
		);
		await expect(loadSettings(write(`${url}  token: ${token}\n  tokenUrl: /sync/token\n`))).rejects.toThrow(
			/sync: sync\.token and sync\.tokenUrl: give one of them/,
		);
		// At build time, beside what the file says (a pipeline keeps the token out of the repository).
		process.env.RUNSHEET_SYNC_TOKEN = token;
		try {
			expect((await loadSettings(write(url))).sync).toEqual({ url: 'wss://runbooks.example.com/sync', token });
		} finally {
			delete process.env.RUNSHEET_SYNC_TOKEN;
		}
		process.env.RUNSHEET_SYNC_TOKEN_URL = 'https://sync.example.com/token';
		process.env.RUNSHEET_SYNC_URL = 'wss://sync.example.com';
		try {
			expect((await loadSettings(write('{}\n'))).sync).toEqual({
				url: 'wss://sync.example.com',
				tokenUrl: 'https://sync.example.com/token',
			});
		} finally {
			delete process.env.RUNSHEET_SYNC_TOKEN_URL;
			delete process.env.RUNSHEET_SYNC_URL;
		}
	});
	it('fail naming the file, the line, the field and a fix', async () => {
		await expect(loadSettings(write('reviewEveryDays: soon\n'))).rejects.toThrow(
			/settings\.yaml:1: reviewEveryDays: reviewEveryDays must be a number of days\. Hint: write e\.g\. `reviewEveryDays: 180`/,
		);
		await expect(loadSettings(write('offline: true\nreviewEvery: 90\n'))).rejects.toThrow(/settings\.yaml:2: reviewEvery: .*reviewEvery/);
	});
});
