/**
 * The benchmark's pure parts: which JavaScript a built page loads, the results table and the
 * budgets. scripts/bench.ts builds the sites and measures; this decides what the numbers mean.
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
 * build slower) and the highest memory peak.
 */
export function combineRuns(runs: { seconds: number; peakMb: number }[]): { seconds: number; peakMb: number; runs: number[] } {
	if (!runs.length) throw new Error('combineRuns: no runs');
	return {
		seconds: Math.min(...runs.map((r) => r.seconds)),
		peakMb: Math.max(...runs.map((r) => r.peakMb)),
		runs: runs.map((r) => r.seconds),
	};
}

export interface SiteResult {
	n: number;
	site: 'runsheet' | 'starlight';
	seconds: number;
	/** Every build's time when the bench ran each more than once (`seconds` is the fastest). */
	runs?: number[];
	peakMb: number;
	diskMb: number;
	pages: number;
	htmlBytes: number;
	htmlGzip: number;
	jsGzip: number;
	/** For Runsheet: what its runbook page loads beyond a plain Starlight page of the same build. */
	addedJsGzip?: number;
	indexKb: number;
}

const ROWS: [label: string, get: (r: SiteResult) => number, digits: number][] = [
	['build time (s)', (r) => r.seconds, 1],
	['build time per runbook (ms)', (r) => (r.seconds * 1000) / r.n, 0],
	['peak memory (MB)', (r) => r.peakMb, 0],
	['output on disk (MB)', (r) => r.diskMb, 1],
	['pages built', (r) => r.pages, 0],
	['runbook page HTML (KB)', (r) => r.htmlBytes / 1024, 1],
	['runbook page HTML gzip (KB)', (r) => r.htmlGzip / 1024, 1],
	['runbook page JS gzip (KB)', (r) => r.jsGzip / 1024, 1],
	['search index (KB)', (r) => r.indexKb, 0],
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

/** The budgets, each said plainly: met or not, with the figures. */
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
