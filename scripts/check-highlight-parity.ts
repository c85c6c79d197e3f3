/**
 * npm run test:highlight: a code block highlighted ahead, in the worker thread
 * (src/build/highlight/ahead.ts), is the block its page renders itself. Builds the site
 * twice with Astro into temporary folders, once with every block taken from the worker
 * (RUNSHEET_HIGHLIGHT_AHEAD=wait) and once with none (=0), and compares every HTML page byte
 * for byte. Exits 1 naming the pages that differ.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const work = mkdtempSync(join(tmpdir(), 'runsheet-parity-'));

function build(mode: string): string {
	const outDir = join(work, `ahead-${mode}`);
	const run = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], { encoding: 'utf8', env: { ...process.env, RUNSHEET_HIGHLIGHT_AHEAD: mode } });
	if (run.status !== 0) throw new Error(`astro build with RUNSHEET_HIGHLIGHT_AHEAD=${mode} failed:\n${run.stdout}${run.stderr}`);
	if (/highlighting ahead stopped/.test(run.stdout + run.stderr)) throw new Error(`the worker failed in the build with RUNSHEET_HIGHLIGHT_AHEAD=${mode}:\n${run.stdout}${run.stderr}`);
	return outDir;
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.html'))
		.sort();
}

try {
	const fromWorker = build('wait');
	const onPage = build('0');
	const files = htmlFiles(onPage);
	const differ = files.filter((file) => readFileSync(join(fromWorker, file), 'utf8') !== readFileSync(join(onPage, file), 'utf8'));
	const missing = htmlFiles(fromWorker).length !== files.length;
	const blocks = files.reduce((n, file) => n + (readFileSync(join(onPage, file), 'utf8').match(/<div class="expressive-code"/g)?.length ?? 0), 0);
	if (differ.length || missing || !blocks) {
		const list = differ.slice(0, 10).map((file) => `\n  ${file}`).join('');
		throw new Error(`${differ.length} of ${files.length} pages differ${missing ? ', and the builds have different pages' : ''}${blocks ? '' : ', and no page has a code block'}${list}`);
	}
	console.log(`highlight parity: ${files.length} pages (${blocks} code blocks) the same with every block from the worker and with none`);
} catch (error) {
	console.error(`highlight parity: ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
