import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRunbookCollection } from '../../../src/build/content/collection.ts';
import { findCollectionProblems } from '../../../src/build/content/validate.ts';
import { filesUnder } from '../../../src/build/content/walk.ts';
import { readFrontMatter } from '../../../src/import/front-matter.ts';
import { OutDir } from '../../../scripts/lib/out-dir.ts';

// Issue 33, finding 4: front matter ids are names, never paths.
const FIXTURE = 'tests/fixtures/hostile-ids';
const ESCAPE = '../../../../elsewhere/x';
const SVG = '<svg onload=alert(document.domain)>';
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'runsheet-ids-'));
	temp.push(dir);
	return dir;
};

describe('front matter id and slug', () => {
	it('keeps an id that is one, and sets aside one that is a path or markup, naming the field', () => {
		expect(readFrontMatter({ slug: 'kept-slug' })).toMatchObject({ id: 'kept-slug' });
		const escape = readFrontMatter({ id: ESCAPE });
		expect(escape.id).toBeUndefined();
		expect(escape.rejectedId).toEqual({ field: 'id', value: ESCAPE });
		const svg = readFrontMatter({ Slug: SVG });
		expect(svg.id).toBeUndefined();
		expect(svg.rejectedId).toEqual({ field: 'Slug', value: SVG });
	});
});

describe('npm run import -- <folder> with hostile ids', () => {
	it('writes nothing outside --out-dir, names each file by its file name, and says which file and field', () => {
		const base = tempDir();
		// Deep enough that "../../../../" from the imported folder stays inside the temp folder.
		const outDir = join(base, 'a/b/c/out');
		const result = spawnSync(process.execPath, ['scripts/import.ts', FIXTURE, '--out-dir', outDir], { encoding: 'utf8' });
		expect(result.status, result.stderr).toBe(0);
		const written = filesUnder(base);
		expect(written.filter((path) => !path.startsWith('a/b/c/out/'))).toEqual([]);
		expect(written).toEqual([
			'a/b/c/out/hostile-ids/kept-slug.yaml',
			'a/b/c/out/hostile-ids/nested/escape-upwards.yaml',
			'a/b/c/out/hostile-ids/svg-slug.yaml',
		]);
		expect(result.stdout).toMatch(
			/warning: nested\/EscapeUpwards\.md: front matter id: "\.\.\/\.\.\/\.\.\/\.\.\/elsewhere\/x" is not a runbook id/,
		);
		expect(result.stdout).toContain(`warning: SvgSlug.md: front matter slug: ${JSON.stringify(SVG)} is not a runbook id`);
	});
});

describe('the build and validate read them alike', () => {
	it('gives each runbook its file name id, with a warning naming the file and the field', async () => {
		const collection = await readRunbookCollection(FIXTURE);
		expect(collection.problems).toEqual([]);
		expect(collection.entries.map((entry) => entry.id).sort()).toEqual(['escape-upwards', 'kept-slug', 'svg-slug']);
		const idWarnings = collection.warnings.filter((warning) => warning.path === 'id' || warning.path === 'slug');
		expect(idWarnings.map(({ file, path }) => `${file} ${path}`).sort()).toEqual([
			`${FIXTURE}/SvgSlug.md slug`,
			`${FIXTURE}/nested/EscapeUpwards.md id`,
		]);
	});

	it('npm run validate prints the same warnings and passes', () => {
		const result = spawnSync(process.execPath, ['scripts/validate-content.ts', FIXTURE], { encoding: 'utf8' });
		expect(result.status, result.stderr).toBe(0);
		expect(result.stderr).toContain(`${FIXTURE}/nested/EscapeUpwards.md`);
		expect(result.stderr).toContain(`${FIXTURE}/SvgSlug.md`);
	});

	it('a runbook id that is not a name is a problem of the collection, whoever made it', () => {
		const problems = findCollectionProblems([
			{ id: ESCAPE, file: 'a.md' },
			{ id: 'fine', file: 'b.md' },
		]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'a.md' });
		expect(problems[0]!.message).toContain('not a URL-safe id');
	});
});

describe('OutDir, the last guard of a folder import', () => {
	it('refuses a path that leaves the out dir, or goes through a link out of it', () => {
		const base = tempDir();
		const out = new OutDir(join(base, 'out'));
		out.write(join(base, 'out/team/a.yaml'), 'ok');
		expect(() => out.write(join(base, 'out/team/../../elsewhere.yaml'), 'x')).toThrow(/outside the out dir/);
		mkdirSync(join(base, 'outside'));
		symlinkSync(join(base, 'outside'), join(base, 'out/link'));
		expect(() => out.write(join(base, 'out/link/b.yaml'), 'x')).toThrow(/outside the out dir/);
		symlinkSync(join(base, 'outside/c.yaml'), join(base, 'out/team/c.yaml'));
		expect(() => out.write(join(base, 'out/team/c.yaml'), 'x')).toThrow(/it is a link/);
		expect(filesUnder(join(base, 'outside'))).toEqual([]);
	});
});
