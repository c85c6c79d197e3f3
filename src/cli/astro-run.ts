/**
 * `runsheet dev | build | preview <folder>`: Astro, run on a team's folder with Runsheet's own site
 * (src/plugin/site.ts). Runsheet's pages and guides come from the package (its src/ is Astro's
 * source folder); everything Astro writes goes into the team's folders: the built site into
 * `--out` (default dist/), Astro's work files and cache into .runsheet/, never into node_modules.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { buildFlags } from '../../scripts/lib/node-flags.ts';
import type { AstroInlineConfig } from 'astro';
import { ConfigError } from '../config/read-config.ts';
import { buildThenIndex } from '../build/search-after.ts';
import { runsheetSite } from '../plugin/site.ts';
import { packageRoot } from './package-root.ts';

export interface AstroRunOptions {
	runbooks: string;
	out: string;
	base?: string;
	site?: string;
	config?: string;
	port?: number;
	host?: string;
	/** The team's folder (default: the current one). */
	cwd?: string;
}

/** The package's own folder: its src/ and public/ make the site. */
const PACKAGE = packageRoot();
/** Astro's work folder in the team's folder. */
export const WORK_DIR = '.runsheet';

/**
 * Runsheet's Expressive Code options: installed, the bundle in lib/ (Node runs no TypeScript in
 * node_modules); in a checkout, the file itself.
 */
export function ecConfigFile(): string {
	return /[\\/]node_modules[\\/]/.test(PACKAGE) ? join(PACKAGE, 'lib/ec.config.js') : join(PACKAGE, 'ec.config.mjs');
}

export async function astroConfig(options: AstroRunOptions): Promise<AstroInlineConfig> {
	const cwd = resolve(options.cwd ?? '.');
	// The config first: a bad one stops here, before anything is written.
	const site = await runsheetSite({
		root: cwd,
		runbooks: options.runbooks,
		...(options.config ? { config: options.config } : {}),
		outDir: options.out,
		...(options.base ? { base: options.base } : {}),
		...(options.site ? { site: options.site } : {}),
	});
	const work = join(cwd, WORK_DIR);
	mkdirSync(work, { recursive: true });
	// Tells whoever finds it what it is; git ignores it when the team's .gitignore says so (init writes it).
	const readme = join(work, 'README.md');
	if (!existsSync(readme)) writeFileSync(readme, "Runsheet's work folder (Astro's cache and types): safe to delete, not to commit.\n");
	// Expressive Code reads its options from ec.config.mjs in the project's root, and only there can
	// they hold Runsheet's plugins (command variables) and keep a command's comments when copied.
	writeFileSync(join(work, 'ec.config.mjs'), `export { default } from ${JSON.stringify(pathToFileURL(ecConfigFile()).href)};\n`);
	return {
		...site,
		configFile: false,
		root: work,
		srcDir: join(PACKAGE, 'src'),
		publicDir: join(PACKAGE, 'public'),
		cacheDir: join(work, 'cache'),
		server: { port: options.port ?? 4321, host: options.host ?? '127.0.0.1' },
		// Vite may read the package's files and the team's (its runbooks, its config's logo).
		vite: { cacheDir: join(work, 'cache/vite'), server: { fs: { allow: [PACKAGE, cwd] } } },
	};
}

/** Set in the build process this command starts with Node's flags, so that it starts no other. */
const FLAGGED = 'RUNSHEET_BUILD_FLAGGED';

/**
 * `runsheet build` in a Node of its own with the flags `npm run build` gives Astro: a heap limit
 * sized to the collection and a larger young generation (scripts/lib/node-flags.ts says why); the
 * search index and the offline list once it has exited, in this process, as `npm run build` does
 * (build/search-after.ts). Undefined where it builds in this process: flags given already,
 * speed-ups off, or not run as the `runsheet` command.
 */
async function buildWithFlags(options: AstroRunOptions): Promise<number | undefined> {
	const command = process.argv[1];
	if (process.env[FLAGGED] || !command || !/runsheet(\.mjs)?$/.test(command)) return undefined;
	const { runbooks, flags, env: buildEnv } = buildFlags(resolve(options.cwd ?? '.', options.runbooks));
	if (!flags.length) return undefined;
	console.log(`runsheet: building ${runbooks} runbook files with node ${flags.join(' ')}`);
	return buildThenIndex(
		(env) =>
			spawnSync(process.execPath, [...flags, command, ...process.argv.slice(2)], {
				stdio: 'inherit',
				env: { ...process.env, ...buildEnv, ...env, [FLAGGED]: '1' },
			}).status,
	);
}

/** Runs the verb; resolves with its exit code (dev and preview run until stopped). */
export async function runAstro(verb: 'dev' | 'build' | 'preview', options: AstroRunOptions): Promise<number> {
	if (verb === 'build') {
		const flagged = await buildWithFlags(options);
		if (flagged !== undefined) return flagged;
	}
	const astro = await import('astro');
	let config: AstroInlineConfig;
	try {
		config = await astroConfig(options);
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		for (const line of error.lines) console.error(line);
		return 1;
	}
	if (verb === 'build') {
		await astro.build(config);
		return 0;
	}
	const server = verb === 'dev' ? await astro.dev(config) : await astro.preview(config);
	await new Promise<void>((done) => {
		const stop = () => void server.stop().then(done, done);
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
	return 0;
}
