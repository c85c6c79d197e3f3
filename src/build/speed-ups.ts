import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Every speed-up of Runsheet's build is behind this one switch, and each says so where it acts:
 * - command blocks highlighted in a worker thread beside Astro's rendering, by a copy of
 *   astro-expressive-code's renderer, and a rollback command rendered once for its two pages
 *   (build/highlight/, build/render-once.ts);
 * - the pages with command blocks rendered after the others, so that the worker has started when
 *   Astro reaches them (build/page-order.ts);
 * - Starlight's <StarlightPage> frontmatter schema built once, not once per page
 *   (build/starlight-page-schema.ts);
 * - V8 flags for the build process: a heap limit sized to the collection and a larger young
 *   generation (scripts/build.ts, scripts/lib/node-flags.ts);
 * - the search index and the offline list built once Astro's process has exited, so that its
 *   memory and Pagefind's do not add up (build/search-after.ts).
 *
 * `RUNSHEET_SPEED_UPS=0` builds the stock way: Starlight's own `<Code>`, its schema per page, no
 * worker thread, Astro's page order, no flags, the search index built inside Astro's build. The
 * site is the same byte for byte (`npm run test:speed-ups` builds it both ways and compares every
 * file). `wait` is on, with every page waiting for the worker's blocks, so that a test sees each
 * block the worker made.
 */
export type SpeedUps = 'on' | 'off' | 'wait';

export const SPEED_UPS_ENV = 'RUNSHEET_SPEED_UPS';

export function speedUps(env: Record<string, string | undefined> = process.env): SpeedUps {
	const setting = env[SPEED_UPS_ENV]?.trim().toLowerCase();
	if (setting === '0' || setting === 'off' || setting === 'false') return 'off';
	return setting === 'wait' ? 'wait' : 'on';
}

/**
 * A check that a speed-up built on another package's internals (a copy of its code, a pattern in
 * its source) still fits the installed version: the build stops, saying what to compare and how
 * to build without it, instead of going on with something that may no longer match.
 */
export function assertPinned(what: string, installed: string | undefined, pinned: RegExp, where: string): void {
	if (installed && pinned.test(installed)) return;
	throw new Error(
		`Runsheet's speed-up for ${what} was written against ${pinned.source.replace(/\\/g, '').replace(/^\^/, '').replace(/\.$/, '.x')} and ${installed ? `${installed} is installed` : 'it is not installed'}. Compare ${where} with the new version and update its pinned version, or build without speed-ups: ${SPEED_UPS_ENV}=0 npm run build.`,
	);
}

/** The version of an installed package, found as Node finds it: in node_modules here or in a folder above. */
export function installedVersion(name: string, from = process.cwd()): string | undefined {
	const dir = installedPackageDir(name, from);
	return dir && (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version;
}

/** The folder of an installed package (its package.json), found as installedVersion finds it. */
export function installedPackageDir(name: string, from = process.cwd()): string | undefined {
	for (let dir = resolve(from); ; dir = dirname(dir)) {
		const candidate = join(dir, 'node_modules', name);
		if (existsSync(join(candidate, 'package.json'))) return candidate;
		if (dirname(dir) === dir) return undefined;
	}
}
