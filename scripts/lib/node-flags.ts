import { filesUnder, runbookFiles } from '../../src/build/content/walk.ts';
import { speedUps } from '../../src/build/speed-ups.ts';

/**
 * The V8 heap limit for `astro build`, in MB. V8 lets garbage pile up towards whatever limit it is
 * given before it collects it all, and the build's live data is far below: about 220 MB after a
 * full collection at 1,000 runbooks, 0.08 MB more a runbook (docs/notes-memory-37.md), most of it
 * Vite's and Shiki's whatever the collection. The old limit (1,024 MB + 0.5 MB a runbook, 6 GB at
 * 10,000) only let the garbage grow with the collection. So 512 MB + 0.2 MB a runbook, at least
 * 768 MB: 2.5 GB at 10,000, about twice the live data. Full collections (`node --trace-gc`, a busy
 * machine): 15 taking 0.8 s at 1,000 runbooks (768 MB), 23 taking 1.8 s at 2,000 (912 MB).
 * RUNSHEET_BUILD_HEAP_MB overrides it.
 */
export function heapLimitMb(runbooks: number, override?: string): number {
	const given = Number(override);
	return given > 0 ? Math.round(given) : Math.max(768, 512 + Math.ceil(runbooks / 5));
}

/**
 * V8's young generation (each semi-space), in MB. Rendering a page makes many short-lived
 * objects that live until the page is written; with the default 16 MB the 1,000-runbook build ran
 * 1,325 young-generation collections taking 14.4 s (`node --trace-gc`), as each copied the current
 * page's objects out. With 64 MB: 359 taking 6.1 s, for about 70 MB more memory.
 */
export const YOUNG_GENERATION_MB = 64;

/**
 * The environment of the `astro build` process. Rolldown (Vite's bundler, native code in Astro's
 * process) allocates through mimalloc, which gives freed memory back to the system only on a
 * later allocation of the same thread, a second after the free (`purge_delay`): once the bundle is
 * written its threads allocate no more, and 170 MB of freed memory stayed resident through the
 * whole rendering at 1,000 runbooks (383 MB of mimalloc's arena, 217 MB with no delay). The 217 MB
 * left were still mimalloc's: its arena (a 1 GiB reservation it commits pages of) kept them after
 * Vite had closed the bundle. With `disallow_arena_alloc` mimalloc takes its memory from the
 * system a segment at a time and hands a segment back when it is empty: that mapping is gone and
 * Astro's process peaks at about 870 MB instead of 1,040 while it renders 1,000 runbooks, the
 * bundling step no slower beyond noise (docs/performance.md). A value already set is kept.
 */
export function astroEnv(env: Record<string, string | undefined> = process.env): Record<string, string> {
	return {
		MIMALLOC_PURGE_DELAY: env.MIMALLOC_PURGE_DELAY ?? '0',
		MIMALLOC_DISALLOW_ARENA_ALLOC: env.MIMALLOC_DISALLOW_ARENA_ALLOC ?? '1',
	};
}

/** Node's flags for the `astro build` process. */
export function astroNodeFlags(runbooks: number, heapOverride?: string): string[] {
	return [`--max-old-space-size=${heapLimitMb(runbooks, heapOverride)}`, `--max-semi-space-size=${YOUNG_GENERATION_MB}`];
}

/**
 * How many runbook files `folder` holds, the flags for building them and what to add to the
 * build process's environment: none with the speed-ups off. No folder counts none: the build says
 * what is missing. `npm run build` and `runsheet build` both start their build process with these.
 */
export function buildFlags(
	folder: string,
	env: Record<string, string | undefined> = process.env,
): { runbooks: number; flags: string[]; env: Record<string, string> } {
	let runbooks = 0;
	try {
		const files = runbookFiles(filesUnder(folder));
		runbooks = files.yaml.length + files.markdown.length;
	} catch {
		// No folder.
	}
	if (speedUps(env) === 'off') return { runbooks, flags: [], env: {} };
	return { runbooks, flags: astroNodeFlags(runbooks, env.RUNSHEET_BUILD_HEAP_MB), env: astroEnv(env) };
}
