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
		expect(loadSettings(write('{}\n'))).toEqual({ reviewEveryDays: 180 });
		expect(loadSettings('/nonexistent/settings.yaml')).toEqual({ reviewEveryDays: 180 });
	});
	it('fails naming the file, the field and a fix', () => {
		const file = write('reviewEveryDays: soon\n');
		expect(() => loadSettings(file)).toThrow(
			/settings\.yaml: reviewEveryDays: reviewEveryDays must be a number of days\. Hint: write e\.g\. `reviewEveryDays: 180`/,
		);
		expect(() => loadSettings(write('reviewEvery: 90\n'))).toThrow(/settings\.yaml: .*reviewEvery/);
	});
});
