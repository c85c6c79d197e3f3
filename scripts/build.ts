/**
 * npm run build: `astro build`, with the build's speed-ups (src/build/speed-ups.ts) and the V8
 * flags they include: a heap limit sized to the collection and a larger young generation
 * (scripts/lib/node-flags.ts); the search index and the offline list are built once Astro's
 * process has exited (src/build/search-after.ts). `astro build` alone gives the same site, search
 * index included; with RUNSHEET_SPEED_UPS=0 this runs exactly that.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { contentFolder } from '../src/build/content/content-folder.ts';
import { buildThenIndex } from '../src/build/search-after.ts';
import { speedUps } from '../src/build/speed-ups.ts';
import { buildFlags } from './lib/node-flags.ts';

// Astro's command line, found through its package.json (the bin path is not an export).
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

// No folder counts no runbooks: Astro's loader says what to do.
const { runbooks, flags, env: buildEnv } = buildFlags(contentFolder());
const astroBuild = (env: Record<string, string> = {}) => {
	const build = spawnSync(process.execPath, [...flags, astro, 'build', ...process.argv.slice(2)], {
		stdio: 'inherit',
		env: { ...process.env, ...buildEnv, ...env },
	});
	if (build.status !== 0)
		console.error(`build: astro build (${[...flags, `${runbooks} runbooks`].join(', ')}) failed; its output is above.`);
	return build.status;
};
process.exit(speedUps() === 'off' ? (astroBuild() ?? 1) : await buildThenIndex(astroBuild));
