/**
 * npm run test:speed-ups: the build's speed-ups (src/build/speed-ups.ts) change how fast the site
 * is built, never what is built. Builds the site twice:
 * - the stock way, exactly as a host runs it: `astro build`, with RUNSHEET_SPEED_UPS=0 (Starlight's
 *   own <Code>, its schema per page, no worker thread, no flags), into .test-sites/stock/dist;
 * - with every speed-up, each command block taken from the highlighting worker
 *   (RUNSHEET_SPEED_UPS=wait), through `npm run build`, into dist/, which the browser tests use;
 * then compares every file of the two, search index included, byte for byte, with two known
 * differences set aside: the build time in /runbooks.json, and which code block of a page carries
 * Expressive Code's stylesheet and script. Stock <Code> gives them to the block whose rendering
 * starts first, which need not be the first on the page; the speed-ups give them to the first
 * (a browser test holds them to it). Each page still has exactly one of each. Exits 1 naming the
 * files that differ. The browser tests check the stock site's search too (tests/e2e/stock.spec.ts).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writtenBefore } from './lib/build-log.ts';
import { keepBusy } from './lib/busy.ts';

export const STOCK_DIST = '.test-sites/stock/dist';
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

function build(what: string, args: string[], env: Record<string, string>): string {
	const started = performance.now();
	const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
	if (run.status !== 0) throw new Error(`${what} failed:\n${run.stdout}${run.stderr}`);
	if (/highlighting ahead stopped/.test(run.stdout + run.stderr))
		throw new Error(`the highlighting worker failed in ${what}:\n${run.stdout}${run.stderr}`);
	console.log(`speed-ups: ${what} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	return run.stdout;
}

const files = (dir: string) =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
		.sort();
const EC_ASSETS = /<link rel="stylesheet" href="\/_astro\/ec\.[^"]+\.css"><script type="module" src="\/_astro\/ec\.[^"]+\.js"><\/script>/g;
function comparable(file: string, bytes: Buffer): string {
	let text = bytes.toString('latin1');
	// When it was built differs from one build to the next.
	if (file === 'runbooks.json') return text.replace(/"built":\s*"[^"]*"/, '"built":""');
	if (!file.endsWith('.html')) return text;
	// Each page says when its build was made (a copy shown offline tells its age).
	text = text.replace(/<meta name="runsheet-built" content="[^"]*"\s*\/?>/, '');
	const assets = text.match(EC_ASSETS)?.length ?? 0;
	if (assets > 1 || (assets === 0 && text.includes('<div class="expressive-code"')))
		return `${file} has ${assets} copies of the code blocks' styles`;
	return text.replace(EC_ASSETS, '');
}

// The fast build runs on a busy machine, as on a shared CI runner (two spinning processes per
// core); the stock build, its reference, on a quiet one: what a build writes must not depend on how
// fast it runs (Shiki's time limit once left a block uncoloured under load). `--idle` builds both
// without the load.
const busy = !process.argv.includes('--idle');
let stopLoad = () => {};
try {
	rmSync(STOCK_DIST, { recursive: true, force: true });
	const stockLog = build('the stock build (astro build, RUNSHEET_SPEED_UPS=0)', [astro, 'build', '--outDir', STOCK_DIST], {
		RUNSHEET_SPEED_UPS: '0',
	});
	if (busy) stopLoad = keepBusy(2);
	const fastLog = build('the build with every speed-up (npm run build, RUNSHEET_SPEED_UPS=wait)', ['scripts/build.ts'], {
		RUNSHEET_SPEED_UPS: 'wait',
	});
	const stock = files(STOCK_DIST);
	const fast = files('dist');
	const missing = stock.filter((f) => !fast.includes(f)).concat(fast.filter((f) => !stock.includes(f)));
	const differ = stock.filter(
		(f) => fast.includes(f) && comparable(f, readFileSync(join(STOCK_DIST, f))) !== comparable(f, readFileSync(join('dist', f))),
	);
	const blocks = stock
		.filter((f) => f.endsWith('.html'))
		.reduce((n, f) => n + (readFileSync(join(STOCK_DIST, f), 'utf8').match(/<div class="expressive-code"/g)?.length ?? 0), 0);
	// The page order is a speed-up too: on in the fast build only. Pages, not the redirects from former ids.
	const pagesUnder = (folder: string) =>
		stock.filter(
			(f) =>
				f.startsWith(`${folder}/`) &&
				f.split('/').length === 3 &&
				f.endsWith('/index.html') &&
				!readFileSync(join(STOCK_DIST, f), 'utf8').includes('http-equiv="refresh"'),
		);
	const [sheets, rollbackPages] = [pagesUnder('signoff'), pagesUnder('rollback')];
	// Astro's own order has the rollback pages first; the fast build, the sheets (src/build/page-order.ts).
	if (writtenBefore(stockLog, sheets, rollbackPages) || !writtenBefore(fastLog, sheets, rollbackPages))
		throw new Error('the fast build should render the sign-off sheets before the rollback pages, and only it (src/build/page-order.ts)');
	const indexed = stock.some((f) => f.startsWith('pagefind/') && f.endsWith('.pf_meta'));
	if (differ.length || missing.length || !blocks || !indexed) {
		const list = [...missing.map((f) => `\n  only in one build: ${f}`), ...differ.slice(0, 10).map((f) => `\n  differs: ${f}`)].join('');
		throw new Error(
			`${differ.length} of ${stock.length} files differ, ${missing.length} are in one build only${blocks ? '' : ', no page has a code block'}${indexed ? '' : ', the stock build has no search index'}${list}`,
		);
	}
	console.log(
		`speed-ups: ${stock.length} files (${blocks} code blocks, the search index included) the same with every speed-up and without; the pages with command blocks rendered last`,
	);
} catch (error) {
	console.error(`speed-ups: ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	stopLoad();
}
