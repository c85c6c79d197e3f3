import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../../src/build/content/walk.ts';
import { PROMETHEUS_CORPUS, SOURCE_CHECKLISTS } from '../../support/fixtures.ts';

// Issue 33, finding 5: `import --pin` never damages a file.
const PIN_FIXTURES = 'tests/fixtures/pin';
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const pin = (target: string) => spawnSync(process.execPath, ['scripts/import.ts', '--pin', target], { encoding: 'utf8' });
/** Every file of a folder, as bytes, by path. */
const snapshot = (dir: string) => new Map(filesUnder(dir).map((path) => [path, readFileSync(join(dir, path))]));
/** A pin as `--pin` writes it: a space and `{#id}`. */
const withoutPins = (text: string) => text.replace(/ \{#[a-z0-9]+(?:-[a-z0-9]+)*\}/g, '');

function copyOf(...folders: string[]): string {
	const dir = mkdtempSync(join(tmpdir(), 'runsheet-pin-'));
	temp.push(dir);
	for (const folder of folders) cpSync(folder, join(dir, folder.split('/').pop()!), { recursive: true });
	return dir;
}

describe('npm run import -- --pin over every corpus, twice', () => {
	// Two runs of the importer over 120 documents: well under a minute, unless the machine is busy.
	it('changes nothing the second time, and the pinned text without its pins is the original', { timeout: 180_000 }, () => {
		const dir = copyOf(PROMETHEUS_CORPUS, SOURCE_CHECKLISTS, PIN_FIXTURES);
		const original = snapshot(dir);
		const first = pin(dir);
		// latin1.md is refused (below): the run says so in its exit status.
		expect(first.status, first.stderr).toBe(1);
		const once = snapshot(dir);
		const pinned = [...once].filter(([path, bytes]) => !bytes.equals(original.get(path)!)).map(([path]) => path);
		expect(pinned.length).toBeGreaterThan(100);
		for (const [path, bytes] of once) {
			const before = original.get(path)!.toString('utf8');
			expect(withoutPins(bytes.toString('utf8')), path).toBe(withoutPins(before));
		}
		const second = pin(dir);
		expect(second.stdout).toMatch(/import: 0 ids pinned in \d+ files/);
		const twice = snapshot(dir);
		for (const [path, bytes] of twice) expect(bytes.equals(once.get(path)!), `${path} changed on the second run`).toBe(true);
	});
});

describe('npm run import -- --pin on awkward files', () => {
	it('keeps a byte-order mark and writes each pin after its text, not one character early', () => {
		const dir = copyOf(PIN_FIXTURES);
		expect(pin(join(dir, 'pin/bom.md')).status).toBe(0);
		const text = readFileSync(join(dir, 'pin/bom.md'), 'utf8');
		expect(text.startsWith('\uFEFF# Restart the API\n')).toBe(true);
		expect(text).toContain('\n## Steps {#steps}\n');
		expect(text).toContain('2. Restart it with `systemctl restart api` {#restart-it-with-systemctl-restart-api}\n');
		expect(text).toContain('- [ ] Route the traffic back {#route-the-traffic-back}\n');
	});

	it('keeps CRLF line ends, every one of them', () => {
		const dir = copyOf(PIN_FIXTURES);
		const file = join(dir, 'pin/crlf.md');
		const lines = readFileSync(file, 'utf8').split('\r\n').length;
		expect(pin(file).status).toBe(0);
		const text = readFileSync(file, 'utf8');
		expect(text.split('\r\n')).toHaveLength(lines);
		expect(text.replace(/\r\n/g, '')).not.toContain('\n');
		expect(text).toContain('## Prepare {#prepare}\r\n');
		expect(text).toContain('- [ ] Reload nginx {#reload-nginx}\r\n');
	});

	it('refuses a file that is not UTF-8, naming it and its line, and leaves it as it was', () => {
		const dir = copyOf(PIN_FIXTURES);
		const file = join(dir, 'pin/latin1.md');
		const before = readFileSync(file);
		const result = pin(file);
		expect(result.status).not.toBe(0);
		// Line 3 is "## Étapes", its É the byte 0xC9 in Latin-1.
		expect(result.stderr).toContain(`${file}: not pinned: line 3: not valid UTF-8`);
		expect(readFileSync(file).equals(before)).toBe(true);
	});

	it('never writes a pin inside code: a code span, a command over two lines, a fenced block', () => {
		const dir = copyOf(PIN_FIXTURES);
		const file = join(dir, 'pin/code-spans.md');
		const source = readFileSync(file, 'utf8');
		expect(pin(file).status).toBe(0);
		const text = readFileSync(file, 'utf8');
		const code = (markdown: string) => [...markdown.matchAll(/```[\s\S]*?```|`[^`]*`/g)].map((match) => match[0]);
		expect(code(text)).toEqual(code(source));
		expect(text).toContain('1. Restart it with `systemctl restart api` {#restart-it-with-systemctl-restart-api}\n');
	});
});
