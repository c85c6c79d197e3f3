/**
 * npm run bench [-- --quick] [--sizes 5,100,1000] [--site both|runsheet|starlight] [--runs 1] [--keep] [--no-search] [--one-system] [--json out.json]
 * Builds, in one run, Runsheet with N runbooks and a plain Starlight site with the same N
 * checklists as Markdown pages (the source documents), for each N, and prints a table of build
 * time, peak memory (split by process below it), files and bytes in dist/, runbook page HTML and
 * JavaScript, search index size, search on Fast 3G (scripts/lib/search-timing.ts, Runsheet's sites;
 * --no-search skips it) and the ratio Runsheet / Starlight; then says which budgets are
 * met (scripts/lib/bench.ts, docs/performance.md). Linux (reads /proc for memory).
 * --one-system puts every runbook in one system, as a team's flat folder of alert pages is
 * imported: the largest page is then a system's page (runbooksPerSystemPage).
 */
import { spawn } from 'node:child_process';
import {
	closeSync,
	cpSync,
	existsSync,
	openSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
	checkBudgets,
	checkScaleBudgets,
	combineRuns,
	formatPeak,
	formatTable,
	pageScripts,
	searchDetail,
	parseStat,
	parseStatus,
	treeMemory,
	type ProcessSample,
	type SiteResult,
	type TreeMemory,
} from './lib/bench.ts';
import { READING_MS, SEARCH_QUERY, timeSearch } from './lib/search-timing.ts';

const { values } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		sizes: { type: 'string' },
		keep: { type: 'boolean', default: false },
		json: { type: 'string' },
		site: { type: 'string', default: 'both' },
		runs: { type: 'string', default: '1' },
		'no-search': { type: 'boolean', default: false },
		'one-system': { type: 'boolean', default: false },
	},
});
const runs = Math.max(1, Number(values.runs) || 1);
const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.quick ? [5, 100] : [5, 100, 1000];
const project = resolve('.');
const sources = resolve(project, 'tests/fixtures/source-checklists');
// The five bundled runbooks and the document each was imported from.
const PAIRS: [id: string, source: string][] = [
	['productivity-platform', 'productivity-platform-deployment-checklist.md'],
	['spatial-intel', 'spatial-intel-deployment-checklist.md'],
	['twiga-scan', 'twiga-scan-deployment-checklist.md'],
	['yogaflow', 'yogaflow-deployment-checklist.md'],
	['yogaflow-launch', 'yogaflow-batch6-launch-report.md'],
];
if (!existsSync(sources)) {
	console.error(`bench: the source checklists are not at ${sources}; the plain Starlight side needs them.`);
	process.exit(1);
}
// Inside the project, so both sites resolve packages from its node_modules (Astro does not build
// through a symlinked node_modules).
mkdirSync(join(project, '.bench'), { recursive: true });
const work = mkdtempSync(join(project, '.bench', 'run-'));
const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ pair: PAIRS[i % PAIRS.length]!, copy: Math.floor(i / PAIRS.length) }));
const idOf = (id: string, copy: number) => (copy ? `${id}-${copy}` : id);
/** Copies of the five per system group: 20 copies, 100 runbooks. */
const SYSTEM_GROUP = 20;

function prepareRunsheet(n: number): string {
	const dir = join(work, `runsheet-${n}`);
	mkdirSync(join(dir, 'content/runbooks'), { recursive: true });
	for (const entry of [
		'astro.config.mjs',
		'ec.config.mjs',
		'tsconfig.json',
		'package.json',
		'src',
		'public',
		'scripts',
		'runsheet.config.yaml',
	]) {
		cpSync(join(project, entry), join(dir, entry), { recursive: true });
	}
	for (const {
		pair: [id],
		copy,
	} of ids(n)) {
		let yaml = readFileSync(join(project, 'content/runbooks', `${id}.yaml`), 'utf8');
		// Copies are new runbooks: the original keeps its former ids (they must stay unique).
		if (copy) yaml = yaml.replace(/^formerIds:\n(?: {2}- .*\n)+/m, '');
		// Every 100 runbooks are systems of their own, as a team's are (tens of runbooks a system):
		// the catalog and the finder list systems past a size, and 10,000 runbooks in the bundled
		// four systems would be four lists of 2,500.
		const group = Math.floor(copy / SYSTEM_GROUP);
		if (values['one-system']) yaml = yaml.replace(/^system: .+$/m, 'system: Everything');
		else if (group) yaml = yaml.replace(/^system: (.+)$/m, (_line, system: string) => `system: ${system} ${group + 1}`);
		writeFileSync(join(dir, 'content/runbooks', `${idOf(id, copy)}.yaml`), yaml);
	}
	return dir;
}

function prepareStarlight(n: number): string {
	const dir = join(work, `starlight-${n}`);
	mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
	// The same versions as Runsheet's, resolved from its node_modules.
	const { dependencies } = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
	const deps = Object.fromEntries(['astro', '@astrojs/starlight', 'sharp'].map((name) => [name, dependencies[name]]));
	writeFileSync(
		join(dir, 'package.json'),
		`${JSON.stringify({ name: 'plain-starlight', type: 'module', private: true, dependencies: deps }, null, 2)}\n`,
	);
	// What a team would set up: Starlight's defaults (the sidebar lists every page).
	writeFileSync(
		join(dir, 'astro.config.mjs'),
		"import starlight from '@astrojs/starlight';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ integrations: [starlight({ title: 'Checklists' })] });\n",
	);
	writeFileSync(
		join(dir, 'src/content.config.ts'),
		"import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
	);
	for (const {
		pair: [id, source],
		copy,
	} of ids(n)) {
		const markdown = readFileSync(join(sources, source), 'utf8').replace(/\r\n?/g, '\n');
		const h1 = /^# (.+)$/m.exec(markdown);
		const body = h1 ? markdown.replace(h1[0], '') : markdown;
		writeFileSync(
			join(dir, 'src/content/docs', `${idOf(id, copy)}.md`),
			`---\ntitle: ${JSON.stringify(h1?.[1]?.trim() ?? id)}\n---\n${body}`,
		);
	}
	return dir;
}

/** Every process /proc shows now (those that end while it is read are left out). */
function processes(): ProcessSample[] {
	const found: ProcessSample[] = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const { ppid, name: command } = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
			const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
			found.push({ pid: Number(name), ppid, name: command, cmdline, ...parseStatus(readFileSync(`/proc/${name}/status`, 'utf8')) });
		} catch {
			// The process ended while we looked.
		}
	}
	return found;
}

interface Run {
	seconds: number;
	peakMb: number;
	/** The highest sample, by process name, in MB. */
	peakByName: Record<string, number>;
}

function run(dir: string, command: string): Promise<Run> {
	return new Promise((done, fail) => {
		const started = performance.now();
		// The build's own log (with Astro's and Pagefind's timings) and the memory samples stay in
		// the site's folder, for --keep and for profiling.
		const log = openSync(join(dir, 'build.log'), 'w');
		const samples: string[] = [];
		const child = spawn('sh', ['-c', command], {
			cwd: dir,
			stdio: ['ignore', log, 'pipe'],
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${join(project, 'node_modules/.bin')}:${process.env.PATH}` },
		});
		let peak: TreeMemory = { bytes: 0, byName: {}, processPeak: 0 };
		let processPeak = 0;
		let stderr = '';
		child.stderr!.on('data', (d) => (stderr += d));
		const toMb = (bytes: number) => bytes / 2 ** 20;
		// The whole tree under the shell: scripts/build.ts, the astro process it starts (with its worker
		// threads, which share its memory) and Pagefind's binary. Memory log: seconds, MB, MB by process.
		const timer = setInterval(() => {
			const memory = treeMemory(processes(), child.pid!);
			if (memory.bytes > peak.bytes) peak = memory;
			processPeak = Math.max(processPeak, memory.processPeak);
			const parts = Object.entries(memory.byName).map(([name, bytes]) => `${name}=${toMb(bytes).toFixed(0)}`);
			samples.push(`${((performance.now() - started) / 1000).toFixed(1)}\t${toMb(memory.bytes).toFixed(0)}\t${parts.join(' ')}`);
		}, 200);
		child.on('exit', (code) => {
			clearInterval(timer);
			closeSync(log);
			writeFileSync(join(dir, 'memory.log'), `${samples.join('\n')}\n`);
			// One process's own peak (VmHWM) above the sampled peak of the whole tree: the peak fell
			// between two samples, and the tree's was at least that.
			if (processPeak > peak.bytes) console.error(`bench: one process peaked at ${toMb(processPeak).toFixed(0)} MB between samples`);
			const peakByName = Object.fromEntries(Object.entries(peak.byName).map(([name, bytes]) => [name, toMb(bytes)]));
			if (code) fail(new Error(`build in ${dir} failed (${code}):\n${stderr.slice(-2000)}`));
			else done({ seconds: (performance.now() - started) / 1000, peakMb: toMb(Math.max(peak.bytes, processPeak)), peakByName });
		});
	});
}

function* files(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else yield path;
	}
}
const size = (dir: string) => (existsSync(dir) ? [...files(dir)].reduce((sum, f) => sum + statSync(f).size, 0) : 0);
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

function measure(dist: string, page: string, plainPage?: string) {
	const read = (path: string) => {
		const file = join(dist, path);
		return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
	};
	const html = read(`${page}index.html`)!;
	const scripts = pageScripts(html, read);
	const jsGzip = [...scripts.files].reduce((sum, f) => sum + gz(read(f) ?? ''), 0) + scripts.inline.reduce((s, t) => s + gz(t), 0);
	let addedJsGzip: number | undefined;
	if (plainPage) {
		const plain = pageScripts(read(`${plainPage}index.html`)!, read);
		addedJsGzip =
			[...scripts.files].filter((f) => !plain.files.has(f)).reduce((sum, f) => sum + gz(read(f) ?? ''), 0) +
			scripts.inline.filter((t) => t.includes('runsheet')).reduce((s, t) => s + gz(t), 0);
	}
	// One walk of dist/ for every count: at 10,000 runbooks it holds some 56,000 files.
	const all = [...files(dist)];
	const index = `${join(dist, 'pagefind')}/`;
	const sizes = new Map(all.map((f) => [f, statSync(f).size]));
	const largest = all.filter((f) => f.endsWith('.html')).reduce((a, b) => (sizes.get(b)! > sizes.get(a)! ? b : a));
	return {
		files: all.length,
		indexFiles: all.filter((f) => f.startsWith(index)).length,
		pages: all.filter((f) => f.endsWith('.html')).length,
		diskMb: all.reduce((sum, f) => sum + sizes.get(f)!, 0) / 2 ** 20,
		htmlBytes: Buffer.byteLength(html),
		htmlGzip: gz(html),
		jsGzip,
		...(addedJsGzip !== undefined ? { addedJsGzip } : {}),
		indexKb: ['index', 'fragment', 'filter'].reduce((s, d) => s + size(join(dist, 'pagefind', d)), 0) / 1024,
		largestPage: { path: `/${relative(dist, largest).replace(/index\.html$/, '')}`, bytes: sizes.get(largest)! },
	};
}

/** One clean build of a prepared site: no output, no caches from a build before. */
function cleanRun(dir: string, command: string) {
	for (const cache of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'])
		rmSync(join(dir, cache), { recursive: true, force: true });
	return run(dir, command);
}

const results: SiteResult[] = [];
try {
	for (const n of sizes) {
		const rs = values.site !== 'starlight' ? prepareRunsheet(n) : undefined;
		const sl = values.site !== 'runsheet' ? prepareStarlight(n) : undefined;
		// With --runs, the two sites take turns, so a slow spell on the machine hits both.
		const rsRuns = [];
		const slRuns = [];
		for (let i = 0; i < runs; i++) {
			if (rs) {
				console.error(`bench: N = ${n}: building Runsheet …`);
				rsRuns.push(await cleanRun(rs, 'node scripts/build.ts'));
				console.error(`bench: N = ${n}: Runsheet ${rsRuns.at(-1)!.seconds.toFixed(1)} s`);
			}
			if (sl) {
				console.error(`bench: N = ${n}: building plain Starlight …`);
				slRuns.push(await cleanRun(sl, `node ${join(project, 'node_modules/astro/bin/astro.mjs')} build`));
				console.error(`bench: N = ${n}: Starlight ${slRuns.at(-1)!.seconds.toFixed(1)} s`);
			}
		}
		if (rs)
			results.push({
				n,
				site: 'runsheet',
				...combineRuns(rsRuns),
				...measure(join(rs, 'dist'), '/runbooks/yogaflow/', '/guides/writing-runbooks/'),
				...(values['no-search'] ? {} : { search: await timeSearch(join(rs, 'dist')) }),
			});
		if (sl) results.push({ n, site: 'starlight', ...combineRuns(slRuns), ...measure(join(sl, 'dist'), '/yogaflow/') });
		if (!values.keep) {
			rmSync(join(work, `runsheet-${n}`), { recursive: true, force: true });
			rmSync(join(work, `starlight-${n}`), { recursive: true, force: true });
		}
	}
} finally {
	if (!values.keep) rmSync(work, { recursive: true, force: true });
	else console.error(`bench: kept the built sites in ${work}`);
}

const timing = runs > 1 ? `, build time the fastest of ${runs} builds each` : '';
console.log(
	`Runsheet vs plain Starlight, ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${(await import('node:os')).cpus().length} CPUs${timing}\n`,
);
console.log(formatTable(results));
console.log('');
for (const r of results.filter((x) => x.addedJsGzip !== undefined))
	console.log(`N = ${r.n}: JavaScript Runsheet adds to a runbook page: ${r.addedJsGzip} B gzipped`);
for (const r of results) console.log(`N = ${r.n}: ${r.site}'s peak memory, by process: ${formatPeak(r)}`);
for (const r of results)
	console.log(`N = ${r.n}: ${r.site}'s largest page: ${r.largestPage.path}, ${(r.largestPage.bytes / 1024).toFixed(1)} KB`);
for (const r of results.filter((x) => x.search))
	console.log(`N = ${r.n}: search, cold, phone, Fast 3G, "${SEARCH_QUERY}" typed after ${READING_MS / 1000} s: ${searchDetail(r.search!)}`);
console.log('');
const budgets = [...checkBudgets(results), ...checkScaleBudgets(results)];
for (const b of budgets) console.log(`${b.met ? 'MET    ' : 'NOT MET'}  ${b.name}: ${b.detail}`);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ results, budgets }, null, 2)}\n`);
process.exitCode = budgets.every((b) => b.met) ? 0 : 1;
