import type { SearchTiming } from './search-timing.ts';
/**
 * The benchmark's pure parts: which JavaScript a built page loads, the memory of a process tree,
 * the results table and the budgets. scripts/bench.ts builds the sites and measures; this decides
 * what the numbers mean.
 */

/** Static imports in a built chunk: `import"./a.js"`, `from"./b.js"` (not `import("../../src/lib/lazy.js")`). */
const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g;
const MODULE_SRC = /<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/(?:json|ld\+json)")[^>]*>([\s\S]*?)<\/script>/g;

export interface PageScripts {
	/** Site paths of every script file the page loads up front (entries and their static imports). */
	files: Set<string>;
	/** Inline script bodies. */
	inline: string[];
}

function resolve(from: string, spec: string): string {
	return new URL(spec, `http://x${from}`).pathname;
}

/** The scripts a page loads when it opens; lazy chunks (dynamic imports) are left out. */
export function pageScripts(html: string, readFile: (path: string) => string | undefined): PageScripts {
	const files = new Set<string>();
	const visit = (path: string, code: string) => {
		for (const [, spec] of code.matchAll(STATIC_IMPORT)) {
			const target = resolve(path, spec!);
			if (files.has(target)) continue;
			files.add(target);
			const text = readFile(target);
			if (text !== undefined) visit(target, text);
		}
	};
	for (const [, src] of html.matchAll(MODULE_SRC)) {
		const path = resolve('/', src!);
		if (files.has(path)) continue;
		files.add(path);
		const text = readFile(path);
		if (text !== undefined) visit(path, text);
	}
	const inline = [...html.matchAll(INLINE_SCRIPT)].map(([, body]) => body!).filter((body) => body.trim());
	for (const body of inline) visit('/', body);
	return { files, inline };
}

/**
 * Several builds of one site: the fastest time (other work on a shared machine only ever makes a
 * build slower) and the highest memory peak, with where it was when the builds say.
 */
export function combineRuns(runs: { seconds: number; peakMb: number; peakByName?: Record<string, number> }[]): {
	seconds: number;
	peakMb: number;
	peakByName?: Record<string, number>;
	runs: number[];
} {
	if (!runs.length) throw new Error('combineRuns: no runs');
	const highest = runs.reduce((a, b) => (b.peakMb > a.peakMb ? b : a));
	return {
		seconds: Math.min(...runs.map((r) => r.seconds)),
		peakMb: highest.peakMb,
		...(highest.peakByName ? { peakByName: highest.peakByName } : {}),
		runs: runs.map((r) => r.seconds),
	};
}

/** One process as /proc shows it: `stat`'s parent and name, `status`'s VmRSS and VmHWM (kB). */
export interface ProcessSample {
	pid: number;
	ppid: number;
	name: string;
	rssKb: number;
	/** The process's own peak resident memory so far (VmHWM). */
	hwmKb: number;
	/** Its command line (`/proc/<pid>/cmdline`), where read. */
	cmdline?: string;
}

export interface TreeMemory {
	/** Resident memory of `root` and every process below it, in bytes. */
	bytes: number;
	/** The same by process name (`node`, `pagefind_extended` …), in bytes. */
	byName: Record<string, number>;
	/** The highest VmHWM of one process of the tree, in bytes: a peak no sampling can miss. */
	processPeak: number;
}

/**
 * The memory of a process tree from one look at /proc: every process whose chain of parents
 * reaches `root`, `root` included. A worker thread is a thread of its process and shares its
 * memory, so its process's VmRSS holds it; a child process (Pagefind's binary) is a process of
 * the tree. Pages two processes share (the same executable's code) count once per process. A
 * child with its parent's command line is a fork that has not yet run its program (Node starts a
 * child process so: `git log` from Astro's process): it shows all of its parent's memory, which it
 * shares, for a few milliseconds, and is left out.
 */
export function treeMemory(processes: ProcessSample[], root: number): TreeMemory {
	const parent = new Map(processes.map((p) => [p.pid, p.ppid]));
	const cmdline = new Map(processes.map((p) => [p.pid, p.cmdline]));
	const forked = (p: ProcessSample) => p.cmdline !== undefined && cmdline.get(p.ppid) === p.cmdline;
	const inTree = (pid: number) => {
		// A bound on the walk: /proc read process by process may show a cycle of reused pids.
		for (let p: number | undefined = pid, hops = 0; p && hops <= processes.length; p = parent.get(p), hops++) if (p === root) return true;
		return false;
	};
	const memory: TreeMemory = { bytes: 0, byName: {}, processPeak: 0 };
	for (const p of processes) {
		if (!inTree(p.pid) || forked(p)) continue;
		memory.bytes += p.rssKb * 1024;
		memory.byName[p.name] = (memory.byName[p.name] ?? 0) + p.rssKb * 1024;
		memory.processPeak = Math.max(memory.processPeak, p.hwmKb * 1024);
	}
	return memory;
}

/** `/proc/<pid>/stat`'s parent pid and name: the name is in parentheses and may hold any character. */
export function parseStat(stat: string): { ppid: number; name: string } {
	const close = stat.lastIndexOf(')');
	return { name: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(stat.slice(close + 2).split(' ')[1]) };
}

/** `/proc/<pid>/status`'s VmRSS and VmHWM in kB (0 for a kernel thread or a process ending). */
export function parseStatus(status: string): { rssKb: number; hwmKb: number } {
	const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
	return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

export interface SiteResult {
	n: number;
	site: 'runsheet' | 'starlight';
	seconds: number;
	/** Every build's time when the bench ran each more than once (`seconds` is the fastest). */
	runs?: number[];
	/** The process tree's highest resident memory over the build, sampled every 200 ms. */
	peakMb: number;
	/** At that highest sample, by process name (`node`: Astro's process with its worker threads; `pagefind…`). */
	peakByName?: Record<string, number>;
	/** Every file under dist/ (the search index's included), their sizes summed. */
	diskMb: number;
	/** How many files dist/ holds, the search index's included. */
	files: number;
	/** Of those, the search index's (dist/pagefind/). */
	indexFiles: number;
	pages: number;
	htmlBytes: number;
	htmlGzip: number;
	jsGzip: number;
	/** For Runsheet: what its runbook page loads beyond a plain Starlight page of the same build. */
	addedJsGzip?: number;
	indexKb: number;
	/** The largest HTML page of dist/, from its root: on a big site, a list (the catalog, the finder). */
	largestPage: { path: string; bytes: number };
	/** Search on a phone over Fast 3G, cold (scripts/lib/search-timing.ts): Runsheet's sites. */
	search?: SearchTiming;
}

const ROWS: [label: string, get: (r: SiteResult) => number, digits: number][] = [
	['build time (s)', (r) => r.seconds, 1],
	['build time per runbook (ms)', (r) => (r.seconds * 1000) / r.n, 0],
	['peak memory (MB)', (r) => r.peakMb, 0],
	['output on disk (MB)', (r) => r.diskMb, 1],
	['output on disk per runbook (KB)', (r) => (r.diskMb * 1024) / r.n, 1],
	['files in output', (r) => r.files, 0],
	['files per runbook', (r) => r.files / r.n, 2],
	['search index files', (r) => r.indexFiles, 0],
	['pages built', (r) => r.pages, 0],
	['runbook page HTML (KB)', (r) => r.htmlBytes / 1024, 1],
	['runbook page HTML gzip (KB)', (r) => r.htmlGzip / 1024, 1],
	['runbook page JS gzip (KB)', (r) => r.jsGzip / 1024, 1],
	['search index (KB)', (r) => r.indexKb, 0],
	['largest page HTML (KB)', (r) => r.largestPage.bytes / 1024, 1],
];

/** A Markdown table: one row per metric and size, Runsheet, Starlight and their ratio. */
export function formatTable(results: SiteResult[]): string {
	const sizes = [...new Set(results.map((r) => r.n))].sort((a, b) => a - b);
	const lines = ['| metric | N | Runsheet | Starlight | Runsheet / Starlight |', '| --- | ---: | ---: | ---: | ---: |'];
	for (const [label, get, digits] of ROWS) {
		for (const n of sizes) {
			const a = results.find((r) => r.n === n && r.site === 'runsheet');
			const b = results.find((r) => r.n === n && r.site === 'starlight');
			const fmt = (r?: SiteResult) => (r ? get(r).toFixed(digits) : '–');
			const ratio = a && b && get(b) > 0 ? (get(a) / get(b)).toFixed(2) : '–';
			lines.push(`| ${label} | ${n} | ${fmt(a)} | ${fmt(b)} | ${ratio} |`);
		}
	}
	return lines.join('\n');
}

export interface Budget {
	name: string;
	met: boolean;
	detail: string;
}

/** The issue's budgets, each said plainly: met or not, with the figures. */
export function checkBudgets(results: SiteResult[]): Budget[] {
	const largest = Math.max(...results.map((r) => r.n));
	const smallest = Math.min(...results.map((r) => r.n));
	const at = (n: number, site: SiteResult['site']) => results.find((r) => r.n === n && r.site === site);
	const budgets: Budget[] = [];
	const rsBig = at(largest, 'runsheet');
	const slBig = at(largest, 'starlight');
	if (rsBig && slBig) {
		const a = (rsBig.seconds * 1000) / rsBig.n;
		const b = (slBig.seconds * 1000) / slBig.n;
		budgets.push({
			name: `build time per runbook at N = ${largest} ≤ 0.9 × plain Starlight's per page`,
			met: a <= 0.9 * b,
			detail: `${a.toFixed(0)} ms vs ${b.toFixed(0)} ms (ratio ${(a / b).toFixed(2)})`,
		});
	}
	// At a hundred runbooks fixed costs weigh more; it was 1.5 × when the re-layout issue asked for better.
	const rsMid = at(100, 'runsheet');
	const slMid = at(100, 'starlight');
	if (rsMid && slMid && largest !== 100) {
		const ratio = rsMid.seconds / slMid.seconds;
		budgets.push({ name: 'build time at N = 100 < 1.5 × plain Starlight', met: ratio < 1.5, detail: `ratio ${ratio.toFixed(2)}` });
	}
	const rsSmall = at(smallest, 'runsheet');
	if (rsBig && rsSmall && largest !== smallest) {
		const ratio = rsBig.htmlBytes / rsSmall.htmlBytes;
		budgets.push({
			name: `runbook page HTML at N = ${largest} ≤ 1.1 × at N = ${smallest}`,
			met: ratio <= 1.1,
			detail: `${rsBig.htmlBytes} B vs ${rsSmall.htmlBytes} B (× ${ratio.toFixed(3)})`,
		});
	}
	for (const r of results.filter((x) => x.site === 'runsheet' && x.addedJsGzip !== undefined)) {
		if (r.n !== largest) continue;
		budgets.push({
			name: 'JavaScript Runsheet adds to a runbook page ≤ 8 KB gzipped',
			met: r.addedJsGzip! <= 8192,
			detail: `${r.addedJsGzip} B`,
		});
	}
	if (rsBig)
		budgets.push({ name: `peak build memory at N = ${largest} < 2 GB`, met: rsBig.peakMb < 2048, detail: `${rsBig.peakMb.toFixed(0)} MB` });
	return budgets;
}

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

/** Issue 37's sizes for a large collection: at 10,000 runbooks, what a hosted CI runner and a static host take. */
export const SCALE_BUDGETS = {
	/** Peak memory of the build's process tree, at the sizes the issue names. */
	peakMemory: new Map([
		[1000, 1 * GB],
		[10_000, 4 * GB],
	]),
	/** Files in dist/, search index included: 30,000 at 10,000. */
	filesPerRunbook: 3,
	/** Bytes in dist/ at 10,000 runbooks, scaled to other sizes (about 150 KB a runbook). */
	diskAt10000: 1.5 * GB,
	/** Below this size the files every site has (styles, scripts, guides, the index's own) weigh more than the runbooks' and a figure per runbook says little. */
	perRunbookFrom: 1000,
	pageHtml: 100 * KB,
	pageHtmlGzip: 15 * KB,
	/** Build time at N = 100 against plain Starlight's, measured in one run. */
	smallSiteRatio: 1.0,
	/** Search, cold on Fast 3G, from 1,000 runbooks on: first keystroke to first hit, and the index a query fetches. */
	searchMs: 1500,
	searchBytes: 300 * KB,
};

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * Issue 37's budgets, each where its size applies: memory at 1,000 and 10,000 runbooks; files and
 * bytes per runbook from 1,000 on (30,000 files and 1.5 GB at 10,000, scaled); the runbook page's
 * HTML at the largest size; the build at 100 runbooks against plain Starlight's when both ran.
 * Runsheet's results only; plain Starlight's are the comparison.
 */
export function checkScaleBudgets(results: SiteResult[]): Budget[] {
	const budgets: Budget[] = [];
	const runsheet = results.filter((r) => r.site === 'runsheet').sort((a, b) => a.n - b.n);
	for (const r of runsheet) {
		const limit = SCALE_BUDGETS.peakMemory.get(r.n);
		if (limit !== undefined)
			budgets.push({
				name: `peak build memory at N = ${r.n} ≤ ${limit / GB} GB`,
				met: r.peakMb * MB <= limit,
				detail: `${r.peakMb.toFixed(0)} MB`,
			});
	}
	for (const r of runsheet.filter((x) => x.n >= SCALE_BUDGETS.perRunbookFrom)) {
		const files = SCALE_BUDGETS.filesPerRunbook * r.n;
		budgets.push({
			name: `files in dist/ at N = ${r.n} ≤ ${SCALE_BUDGETS.filesPerRunbook} per runbook (${count(files)})`,
			met: r.files <= files,
			detail: `${count(r.files)} files (${(r.files / r.n).toFixed(2)} per runbook, ${count(r.indexFiles)} of the search index)`,
		});
		const bytes = (SCALE_BUDGETS.diskAt10000 * r.n) / 10_000;
		budgets.push({
			name: `output on disk at N = ${r.n} ≤ ${mb(bytes)} (1.5 GB at 10,000)`,
			met: r.diskMb * MB <= bytes,
			detail: `${r.diskMb.toFixed(0)} MB (${((r.diskMb * MB) / r.n / KB).toFixed(1)} KB per runbook)`,
		});
	}
	const largest = runsheet.at(-1);
	if (largest)
		budgets.push({
			name: `runbook page at N = ${largest.n} ≤ ${SCALE_BUDGETS.pageHtml / KB} KB of HTML, ≤ ${SCALE_BUDGETS.pageHtmlGzip / KB} KB gzipped`,
			met: largest.htmlBytes <= SCALE_BUDGETS.pageHtml && largest.htmlGzip <= SCALE_BUDGETS.pageHtmlGzip,
			detail: `${(largest.htmlBytes / KB).toFixed(1)} KB, ${(largest.htmlGzip / KB).toFixed(1)} KB gzipped`,
		});
	for (const r of runsheet.filter((x) => x.search && x.n >= SCALE_BUDGETS.perRunbookFrom)) {
		const t = r.search!;
		budgets.push({
			name: `search at N = ${r.n}, cold on Fast 3G: first hit ≤ ${SCALE_BUDGETS.searchMs / 1000} s after typing, ≤ ${SCALE_BUDGETS.searchBytes / KB} KB of index (each search)`,
			met:
				[t.homeMs, t.siteSearchMs, t.finderMs].every((ms) => ms >= 0 && ms <= SCALE_BUDGETS.searchMs) &&
				Math.max(t.homeBytes, t.siteSearchBytes, t.finderBytes) <= SCALE_BUDGETS.searchBytes,
			detail: searchDetail(t),
		});
	}
	const rs = results.find((r) => r.n === 100 && r.site === 'runsheet');
	const sl = results.find((r) => r.n === 100 && r.site === 'starlight');
	if (rs && sl) {
		const ratio = rs.seconds / sl.seconds;
		budgets.push({
			name: `build time at N = 100 ≤ ${SCALE_BUDGETS.smallSiteRatio.toFixed(1)} × plain Starlight`,
			met: ratio <= SCALE_BUDGETS.smallSiteRatio,
			detail: `${rs.seconds.toFixed(1)} s vs ${sl.seconds.toFixed(1)} s (ratio ${ratio.toFixed(2)})`,
		});
	}
	return budgets;
}

/** `home box 900 ms, 120 KB; …`: each search's time to its first hit and the index it fetched. */
export function searchDetail(t: SearchTiming): string {
	const one = (name: string, ms: number, bytes: number) => `${name} ${ms < 0 ? 'no hit within 60 s' : `${ms} ms`}, ${(bytes / KB).toFixed(0)} KB`;
	return [
		one('home page box', t.homeMs, t.homeBytes),
		one('search dialog', t.siteSearchMs, t.siteSearchBytes),
		one('rollback finder', t.finderMs, t.finderBytes),
	].join('; ');
}

/** Where a build's peak memory was: `1,608 MB: node 1,200 MB, pagefind_extended 408 MB`. */
export function formatPeak(r: Pick<SiteResult, 'peakMb' | 'peakByName'>): string {
	// A process that was ending as the sample was taken shows no memory: left out.
	const parts = Object.entries(r.peakByName ?? {})
		.filter(([, mb]) => mb >= 0.5)
		.sort(([, a], [, b]) => b - a)
		.map(([name, mb]) => `${name} ${count(Math.round(mb))} MB`);
	return `${count(Math.round(r.peakMb))} MB${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
