import { filesUnder, runbookFiles } from '../../src/build/content/walk.ts';
import { speedUps } from '../../src/build/speed-ups.ts';

/**
 * The V8 heap limit for `astro build`, in MB. Without a limit V8 lets garbage pile up to about
 * 2 GB at 1,000 runbooks before collecting; 1.5 GB kept that build's process at 1.2 GB for about
 * 10 % more time, its live data well below the limit. The limit grows with the collection (1 MB
 * for every two runbooks above 1,024) so a large one does not run out; RUNSHEET_BUILD_HEAP_MB
 * overrides it.
 */
export function heapLimitMb(runbooks: number, override?: string): number {
	const given = Number(override);
	return given > 0 ? Math.round(given) : Math.max(1536, 1024 + Math.ceil(runbooks / 2));
}

/**
 * V8's young generation (each semi-space), in MB. Rendering a page makes many short-lived
 * objects that live until the page is written; with the default 16 MB the 1,000-runbook build ran
 * 1,325 young-generation collections taking 14.4 s (`node --trace-gc`), as each copied the current
 * page's objects out. With 64 MB: 359 taking 6.1 s, for about 70 MB more memory.
 */
export const YOUNG_GENERATION_MB = 64;

/** Node's flags for the `astro build` process. */
export function astroNodeFlags(runbooks: number, heapOverride?: string): string[] {
	return [`--max-old-space-size=${heapLimitMb(runbooks, heapOverride)}`, `--max-semi-space-size=${YOUNG_GENERATION_MB}`];
}

/**
 * How many runbook files `folder` holds and the flags for building them: none with the speed-ups
 * off. No folder counts none: the build says what is missing. `npm run build` and `runsheet
 * build` both start their build process with these.
 */
export function buildFlags(folder: string, env: Record<string, string | undefined> = process.env): { runbooks: number; flags: string[] } {
	let runbooks = 0;
	try {
		const files = runbookFiles(filesUnder(folder));
		runbooks = files.yaml.length + files.markdown.length;
	} catch {
		// No folder.
	}
	return { runbooks, flags: speedUps(env) === 'off' ? [] : astroNodeFlags(runbooks, env.RUNSHEET_BUILD_HEAP_MB) };
}
