import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRunbookCollection } from '../../../src/build/content/collection.ts';
import { filesUnder } from '../../../src/build/content/walk.ts';
import { importChecklist } from '../../../src/import/index.ts';
import { decodeUtf8, MAX_NESTING, nestingProblem } from '../../../src/import/read-text.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../../../src/schema/settings.ts';
import { SOURCE_CHECKLISTS } from '../../support/fixtures.ts';

// Issue 33, finding 9: big and deep input, in linear time, with the file named.
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'runsheet-big-'));
	temp.push(dir);
	return dir;
};

/** The source checklists one after the other, up to `bytes`: long lists, tables, code, repeated titles. */
function bigMarkdown(bytes: number): string {
	const parts = readdirSync(SOURCE_CHECKLISTS)
		.filter((name) => name.endsWith('.md'))
		.map((name) => readFileSync(join(SOURCE_CHECKLISTS, name), 'utf8'));
	let out = '';
	for (let i = 0; out.length < bytes; i++) out += `${parts[i % parts.length]}\n\n`;
	return out.slice(0, bytes);
}

const DEEP_LIST = `# Deep\n\n## Steps\n\n${'- '.repeat(10_000)}x\n`;
const DEEP_QUOTE = `# Deep\n\n## Steps\n\n${'>'.repeat(10_000)} x\n`;
const DEEP_INDENTED = `# Deep\n\n## Steps\n\n${Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`;
const importCli = (...args: string[]) =>
	spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...settingsEnv } });
let settingsEnv: Record<string, string> = {};

describe('importing a big Markdown file', () => {
	// Once quadratic (0.25, 0.5 and 1 MB took 5.5, 17.6 and 58.7 s: micromark 4.0.3 copied every
	// event of the document at each list item it closed). Time grows with the size now: 4 times the
	// text takes about 4 times as long (16 times, were it quadratic). The bounds leave room for a
	// busy 2-core machine: measured at 1.1-4.5 s there for 1 MB, CPU time.
	it('takes time in proportion to its size', { timeout: 240_000 }, () => {
		// 0.125 and 0.5 MB: four times the text, as far apart as 0.25 and 1 MB, in half the time.
		const small = bigMarkdown(128 * 1024);
		const large = bigMarkdown(512 * 1024);
		importChecklist(bigMarkdown(32 * 1024)); // warm up the JIT
		const cpu = (markdown: string) => {
			const before = process.cpuUsage();
			importChecklist(markdown, { id: 'big' });
			const used = process.cpuUsage(before);
			return (used.user + used.system) / 1000;
		};
		const smallMs = Math.min(cpu(small), cpu(small));
		const largeMs = cpu(large);
		expect(largeMs / smallMs, `0.125 MB: ${smallMs} ms, 0.5 MB: ${largeMs} ms`).toBeLessThan(8);
		expect(largeMs, '0.5 MB').toBeLessThan(7_500);
	});
});

describe('files too big, too deep, not UTF-8', () => {
	it('decodeUtf8 names the line and column of the first byte that is not UTF-8', () => {
		const bytes = Buffer.concat([Buffer.from('# Cache\n\n1. echo '), Buffer.from('déjà', 'latin1'), Buffer.from('\n')]);
		expect(decodeUtf8(bytes)).toEqual({ line: 3, problem: expect.stringMatching(/^line 3: not valid UTF-8 \(byte 0xE9 at column 10\)/) });
		expect(decodeUtf8(Buffer.from('\uFEFF# Fine: déjà\n'))).toEqual({ text: '\uFEFF# Fine: déjà\n' });
	});

	it(`finds lists and quotes nested over ${MAX_NESTING} levels, with their line, and lets ordinary nesting be`, () => {
		expect(nestingProblem(DEEP_LIST)?.line).toBe(5);
		expect(nestingProblem(DEEP_QUOTE)?.line).toBe(5);
		expect(nestingProblem(DEEP_INDENTED)?.line).toBeGreaterThan(5);
		expect(nestingProblem(`${'> '.repeat(30)}quote\n1. a\n   - b\n     - c\n\n${'#'.repeat(300)}\n${'-'.repeat(300)}\n`)).toBeUndefined();
	});

	it(
		'a folder import names each file it cannot read, with its line, and imports the rest; never a RangeError',
		{ timeout: 120_000 },
		() => {
			const dir = tempDir();
			const folder = join(dir, 'team');
			cpSync(join(SOURCE_CHECKLISTS), folder, { recursive: true });
			mkdirSync(join(folder, 'bad'));
			writeFileSync(join(folder, 'bad/deep-list.md'), DEEP_LIST);
			writeFileSync(join(folder, 'bad/deep-quote.md'), DEEP_QUOTE);
			writeFileSync(join(folder, 'bad/latin1.md'), Buffer.from('# Vider le cache\n\n1. echo déjà\n', 'latin1'));
			// Refused by its size before it is read: the generated text need not be Markdown.
			writeFileSync(join(folder, 'bad/huge.md'), Buffer.alloc(DEFAULT_MAX_FILE_BYTES + 1, 'a'));
			const documents = filesUnder(folder).filter((path) => path.endsWith('.md') && !path.startsWith('bad/'));
			const out = join(dir, 'out');
			const result = importCli(folder, '--out-dir', out);
			expect(result.status).toBe(1);
			expect(result.stderr).not.toMatch(/RangeError|\n\s+at /);
			expect(result.stderr).toContain(
				`${join(folder, 'bad/deep-list.md')}: not imported: line 5: lists or quotes nested more than 100 levels deep`,
			);
			expect(result.stderr).toContain(
				`${join(folder, 'bad/deep-quote.md')}: not imported: line 5: lists or quotes nested more than 100 levels deep`,
			);
			expect(result.stderr).toContain(`${join(folder, 'bad/latin1.md')}: not imported: line 3: not valid UTF-8`);
			expect(result.stderr).toContain(
				`${join(folder, 'bad/huge.md')}: not imported: 5.0 MB (5242881 bytes), above the limit of 5.0 MB (5242880 bytes)`,
			);
			expect(filesUnder(join(out, 'team')).filter((path) => path.endsWith('.yaml'))).toHaveLength(documents.length);
		},
	);

	it('the size limit is a setting, import.maxFileBytes', () => {
		const dir = tempDir();
		const settings = join(dir, 'settings.yaml');
		writeFileSync(settings, 'import:\n  maxFileBytes: 2000\n');
		const file = join(dir, 'long.md');
		writeFileSync(file, bigMarkdown(4000));
		settingsEnv = { RUNSHEET_SETTINGS: settings };
		try {
			const refused = importCli(file);
			expect(refused.status).toBe(1);
			expect(refused.stderr).toContain(
				`import: ${file}: not imported: 4000 bytes, above the limit of 2000 bytes. Hint: split it, or raise import.maxFileBytes`,
			);
		} finally {
			settingsEnv = {};
		}
		expect(importCli(file).status).toBe(0);
	});

	it('the build and validate name the same files and lines, as problems', async () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'fine.md'), '# Fine\n\n## Steps\n\n1. Restart the api\n');
		writeFileSync(join(dir, 'deep-quote.md'), DEEP_QUOTE);
		writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Vider le cache\n\n1. echo déjà\n', 'latin1'));
		writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('title: Déjà\n', 'latin1'));
		const collection = await readRunbookCollection(dir, 'content', { maxFileBytes: 1_000_000 });
		expect(collection.entries.map((entry) => entry.id)).toEqual(['fine']);
		expect(collection.problems.map(({ file, line }) => `${file}:${line}`).sort()).toEqual([
			'content/deep-quote.md:5',
			'content/latin1.md:3',
			'content/latin1.yaml:1',
		]);
		const small = await readRunbookCollection(dir, 'content', { maxFileBytes: 20 });
		expect(small.problems.find((problem) => problem.file === 'content/fine.md')?.message).toMatch(/above the limit/);
	});
});

describe('npm run alerts on a 50 MB rule file', () => {
	it('refuses it, naming it, without a stack trace', { timeout: 120_000 }, () => {
		const dir = tempDir();
		const file = join(dir, 'big-rules.yaml');
		const rule = (i: number) =>
			`      - alert: Alert${i}\n        expr: up == 0\n        labels:\n          severity: critical\n        annotations:\n          runbook_url: https://runbooks.example.com/alerts/Alert${i}/\n`;
		const chunk = Array.from({ length: 1000 }, (_, i) => rule(i)).join('');
		const parts = ['groups:\n  - name: big\n    rules:\n'];
		for (let size = 0; size < 50 * 1024 * 1024; size += chunk.length) parts.push(chunk);
		writeFileSync(file, parts.join(''));
		const run = spawnSync(
			process.execPath,
			['scripts/alerts.ts', file, '--content', 'tests/fixtures/alerts/runbooks', '--base', 'https://runbooks.example.com'],
			{ encoding: 'utf8' },
		);
		expect(run.status).toBe(2);
		expect(`${run.stdout}${run.stderr}`).not.toMatch(/RangeError|\n\s+at /);
		expect(run.stdout).toMatch(/big-rules\.yaml:0: not read: 50\.\d MB \(\d+ bytes\), above the limit of 5\.0 MB \(5242880 bytes\)/);
	});
});
