/**
 * The config file: which one a build or a command reads, and its settings, checked by
 * settingsSchema (src/schema/settings.ts) with `file:line: field: problem. Hint: fix` for every
 * problem, as runbooks are. Pure of Astro: the command line, the Starlight plugin and the scripts
 * read it through here, before anything is written.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { settingsSchema, type Settings } from '../schema/settings.ts';
import { nearMiss } from '../model/near-miss.ts';
import { lineOfKey, lineOfPath, yamlSyntaxErrors } from '../build/content/yaml-lines.ts';
import { formatPath } from '../build/content/validate.ts';

/** The names a config file may have, in the order they are looked for in a folder. */
export const CONFIG_NAMES: string[] = ['runsheet.config.yaml', 'runsheet.config.yml', 'runsheet.config.ts'];

/** What a config file may hold (before defaults): the type of a runsheet.config.ts's default export. */
export type RunsheetConfig = z.input<typeof settingsSchema>;

export interface ConfigOptions {
	/** A file named by the user (`--config`); else RUNSHEET_CONFIG, else RUNSHEET_SETTINGS (the test sites'). */
	explicit?: string | undefined;
	/** The folder relative paths start from: the current one unless said. */
	cwd?: string | undefined;
	/** The runbooks folder: a config beside it (in its parent) is found. */
	runbooks?: string | undefined;
	env?: NodeJS.ProcessEnv | undefined;
}

/** A config that cannot be used. `lines` holds each problem as `file:line: field.path: problem. Hint: fix`. */
export class ConfigError extends Error {
	readonly lines: string[];
	constructor(lines: string[]) {
		super(lines.length === 1 ? lines[0] : `${lines.length} problems in the config:\n${lines.join('\n')}`);
		this.name = 'ConfigError';
		this.lines = lines;
	}
}

/** A path as the user reads it best: from the current folder when it is inside it. */
function shown(file: string, cwd: string): string {
	const from = relative(cwd, file);
	return from && !from.startsWith('..') && !isAbsolute(from) ? from.split(sep).join('/') : file;
}

function configsIn(dir: string): string[] {
	return CONFIG_NAMES.map((name) => resolve(dir, name)).filter((file) => existsSync(file));
}

/**
 * The config file to read (an absolute path), or undefined when there is none (all defaults).
 * An explicit file is returned whether it exists or not: readConfig says it is missing. Two
 * config files in one folder are a ConfigError: which one counts would be a guess.
 */
export function findConfigFile({ explicit, cwd = process.cwd(), runbooks, env = process.env }: ConfigOptions = {}): string | undefined {
	const named = explicit || env.RUNSHEET_CONFIG || env.RUNSHEET_SETTINGS;
	if (named) return resolve(cwd, named);
	const folders = [resolve(cwd)];
	if (runbooks) folders.push(dirname(resolve(cwd, runbooks)));
	for (const dir of folders) {
		const found = configsIn(dir);
		if (found.length > 1)
			throw new ConfigError([
				`${found.map((file) => shown(file, cwd)).join(', ')}: two config files in one folder. Hint: keep one of them, e.g. ${CONFIG_NAMES[0]}`,
			]);
		if (found[0]) return found[0];
	}
	return undefined;
}

/** Settings the environment overrides (a deploy pipeline knows its address, and keeps a token out of the repository). */
const ENV_OVERRIDES: [string, (string | number)[]][] = [
	['RUNSHEET_SITE', ['site']],
	['RUNSHEET_BASE', ['base']],
	['RUNSHEET_SYNC_URL', ['sync', 'url']],
	['RUNSHEET_SYNC_TOKEN', ['sync', 'token']],
	['RUNSHEET_SYNC_TOKEN_URL', ['sync', 'tokenUrl']],
];

function withEnv(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): { raw: Record<string, unknown>; fromEnv: Map<string, string> } {
	const fromEnv = new Map<string, string>();
	const out: Record<string, unknown> = { ...raw };
	for (const [name, path] of ENV_OVERRIDES) {
		const value = env[name];
		if (!value) continue;
		const [head, key] = path as [string, string | undefined];
		if (key === undefined) out[head] = value;
		else {
			const inner = out[head];
			out[head] = { ...(inner && typeof inner === 'object' && !Array.isArray(inner) ? inner : {}), [key]: value };
		}
		fromEnv.set(formatPath(path), name);
	}
	return { raw: out, fromEnv };
}

interface ZodIssueLike {
	code: string;
	path: PropertyKey[];
	message: string;
	keys?: string[];
}

/** The schema at a path of the settings (through optional, default, pipe, array), for the keys an object there has. */
function keysAt(path: PropertyKey[]): string[] {
	let schema = settingsSchema as unknown as { _zod: { def: Record<string, unknown> } };
	const unwrap = () => {
		for (;;) {
			const def = schema._zod.def;
			if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') schema = def.innerType as typeof schema;
			else if (def.type === 'pipe') schema = def.in as typeof schema;
			else return def;
		}
	};
	for (const key of path) {
		const def = unwrap();
		if (def.type === 'array') schema = def.element as typeof schema;
		else if (def.type === 'object' && typeof key === 'string') schema = (def.shape as Record<string, typeof schema>)[key]!;
		else return [];
		if (!schema) return [];
	}
	const def = unwrap();
	return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** What to say of one issue: the schema's own message says how to fix it; zod's plain ones get a hint here. */
function explain(issue: ZodIssueLike, key: string): string {
	if (issue.code === 'unrecognized_keys') {
		const known = keysAt(issue.path);
		const near = nearMiss(key, known);
		const where = issue.path.length ? `${formatPath(issue.path as (string | number)[])} has` : 'the config has';
		return `unknown key "${key}". Hint: ${near ? `did you mean "${near}"? ` : ''}${where} ${known.map((k) => `"${k}"`).join(', ')} (docs/config.md)`;
	}
	if (issue.message.includes('Hint:')) return issue.message;
	return `${issue.message}. Hint: see every key, its type and an example in docs/config.md`;
}

/**
 * Checks what a config holds, and puts each problem on its line: `doc` is the YAML document
 * (undefined for a .ts config, whose problems name the file and the field).
 */
function check(raw: unknown, file: string, doc: { doc: Document; lineCounter: LineCounter } | undefined, env: NodeJS.ProcessEnv): Settings {
	if (raw === null || raw === undefined) raw = {};
	if (typeof raw !== 'object' || Array.isArray(raw))
		throw new ConfigError([
			`${file}${doc ? ':1' : ''}: the config must be a map of keys. Hint: write one key a line, e.g. \`title: Acme runbooks\` (docs/config.md)`,
		]);
	const { raw: merged, fromEnv } = withEnv(raw as Record<string, unknown>, env);
	const result = settingsSchema.safeParse(merged);
	if (result.success) return result.data;
	// Top to bottom as the file reads (zod names unknown keys last); the environment's after.
	const lines: { line: number; text: string }[] = [];
	for (const issue of result.error.issues as unknown as ZodIssueLike[]) {
		const path = issue.path as (string | number)[];
		for (const key of issue.code === 'unrecognized_keys' ? (issue.keys ?? []) : ['']) {
			const field = formatPath(key ? [...path, key] : path);
			const message = explain(issue, key);
			const variable = [...fromEnv].find(([overridden]) => field === overridden || field.startsWith(`${overridden}.`))?.[1];
			if (variable) {
				lines.push({ line: Infinity, text: `${variable} (environment): ${field}: ${message}` });
				continue;
			}
			const line = doc && (key ? lineOfKey(doc.doc, doc.lineCounter, path, key) : lineOfPath(doc.doc, doc.lineCounter, path));
			lines.push({ line: line ?? 0, text: `${line ? `${file}:${line}` : file}: ${field || '(file)'}: ${message}` });
		}
	}
	throw new ConfigError(lines.sort((a, b) => a.line - b.line).map(({ text }) => text));
}

/** The config's logo as a file on this machine: its `src` is written from the config's folder. */
function resolveLogo(settings: Settings, file: string, shownFile: string, lineOfLogo: () => number | undefined): Settings {
	if (!settings.logo) return settings;
	const src = resolve(dirname(file), settings.logo.src);
	if (!existsSync(src) || !statSync(src).isFile()) {
		const line = lineOfLogo();
		throw new ConfigError([
			`${line ? `${shownFile}:${line}` : shownFile}: logo.src: no image at ${src}. Hint: the path is read from the folder of ${shownFile}, e.g. \`src: ./logo.svg\` beside it`,
		]);
	}
	return { ...settings, logo: { ...settings.logo, src } };
}

/**
 * Reads the config file findConfigFile finds (all defaults when there is none), applies the
 * environment's overrides (RUNSHEET_SITE, RUNSHEET_BASE, RUNSHEET_SYNC_URL, RUNSHEET_SYNC_TOKEN,
 * RUNSHEET_SYNC_TOKEN_URL) and checks it. `logo.src` comes back absolute. Throws a ConfigError
 * naming every problem; nothing else is done with a bad config.
 */
export async function readConfig(opts: ConfigOptions = {}): Promise<{ settings: Settings; file?: string }> {
	const cwd = opts.cwd ?? process.cwd();
	const env = opts.env ?? process.env;
	const file = findConfigFile({ ...opts, cwd, env });
	if (!file) return { settings: check({}, '(no config file)', undefined, env) };
	const name = shown(file, cwd);
	if (!existsSync(file))
		throw new ConfigError([`${name}: no such config file. Hint: check the path, or run \`runsheet init\` to write one`]);

	if (/\.ts$/i.test(file)) {
		let loaded: { default?: unknown };
		try {
			loaded = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default?: unknown };
		} catch (error) {
			throw new ConfigError([
				`${name}: could not be loaded: ${(error as Error).message.split('\n')[0]}. Hint: the file must be TypeScript Node can run, with \`export default { … }\``,
			]);
		}
		if (loaded.default === undefined)
			throw new ConfigError([
				`${name}: no default export. Hint: write \`export default { title: 'Acme runbooks' } satisfies RunsheetConfig\``,
			]);
		const settings = check(loaded.default, name, undefined, env);
		return { settings: resolveLogo(settings, file, name, () => undefined), file };
	}

	let source: string;
	try {
		source = readFileSync(file, 'utf8');
	} catch (error) {
		throw new ConfigError([`${name}: cannot be read: ${(error as Error).message}. Hint: check the file's permissions`]);
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
	if (doc.errors.length)
		throw new ConfigError(yamlSyntaxErrors(doc, lineCounter).map(({ line, message }) => `${name}:${line}: ${message}`));
	const settings = check(doc.toJS(), name, { doc, lineCounter }, env);
	return { settings: resolveLogo(settings, file, name, () => lineOfPath(doc, lineCounter, ['logo', 'src'])), file };
}
