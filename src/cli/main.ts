/**
 * The `runsheet` command line (bin/runsheet.mjs starts it): `runsheet <verb> [folder] [options]`.
 * It finds the runbooks folder and the config file before loading a command, so that the
 * settings are read from beside the folder named; each command is the code its npm script runs
 * (src/cli/<verb>.ts), with usage lines that say `runsheet`.
 */
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { defaultFolder, folderProblem, isFolder } from './folder.ts';
import { HELP, VERBS, VERB_HELP, isVerb, type Verb } from './help.ts';
import { CLI } from './invocation.ts';
import { alertsOptions, astroOptions, importOptions, initOptions, lintOptions, linksOptions, validateOptions } from './options.ts';
import { packageVersion } from './package-root.ts';

/** A mistake in how the command was called: exit 2, with a pointer to the help. */
class UsageError extends Error {}

const OPTIONS: Record<Verb, ParseArgsOptionsConfig> = {
	init: initOptions,
	dev: astroOptions,
	build: astroOptions,
	preview: astroOptions,
	validate: validateOptions,
	lint: lintOptions,
	links: linksOptions,
	alerts: { ...alertsOptions, runbooks: { type: 'string' } },
	import: importOptions,
};

export async function main(argv: string[]): Promise<number> {
	const [first, ...rest] = argv;
	if (first === undefined) {
		console.error(HELP);
		return 2;
	}
	if (first === '--help' || first === '-h' || first === 'help') {
		console.log(HELP);
		return 0;
	}
	if (first === '--version' || first === '-v') {
		console.log(packageVersion());
		return 0;
	}
	if (!isVerb(first)) {
		console.error(
			`runsheet: ${first.startsWith('-') ? `"${first}" is not an option here` : `no verb "${first}"`}. Hint: the verbs are ${VERBS.join(', ')}; runsheet --help says what each does`,
		);
		return 2;
	}
	if (rest.includes('--help') || rest.includes('-h')) {
		console.log(VERB_HELP[first]);
		return 0;
	}
	try {
		return await run(first, rest);
	} catch (error) {
		if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
			console.error(`runsheet ${first}: ${(error as Error).message}. Hint: runsheet ${first} --help`);
			return 2;
		}
		throw error;
	}
}

/** What the user typed, read with the verb's options: the folder and config found, the rest handed on as typed. */
interface Parsed {
	values: Record<string, string | boolean | undefined>;
	positionals: string[];
	/** The options as typed, without --config (and the options named), for the command to read again. */
	options(...without: string[]): string[];
	/** Whether an option was typed (not its default). */
	given(name: string): boolean;
}

function parse(verb: Verb, args: string[]): Parsed {
	const { values, positionals, tokens } = parseArgs({
		args,
		options: { ...OPTIONS[verb], config: { type: 'string' } },
		allowPositionals: true,
		tokens: true,
	});
	const typed = tokens.filter((token) => token.kind === 'option');
	return {
		values,
		positionals,
		options: (...without) =>
			typed
				.filter((token) => token.name !== 'config' && !without.includes(token.name))
				.flatMap((token) =>
					token.value === undefined
						? [token.rawName]
						: token.inlineValue
							? [`${token.rawName}=${token.value}`]
							: [token.rawName, token.value],
				),
		given: (name) => typed.some((token) => token.name === name),
	};
}

/** The runbooks folder: the one named, else runbooks/ (or this repository's content/runbooks). Stops when it is not there. */
function runbooksFolder(verb: Verb, named: string | undefined): string {
	const folder = (named ?? defaultFolder()).replace(/(.)\/+$/, '$1');
	const problem = folderProblem(folder, named !== undefined, verb);
	if (problem) throw new MissingFolder(problem);
	// Read by the settings (a config beside the runbooks is found) and by every command's default.
	process.env.RUNSHEET_CONTENT = folder;
	return folder;
}

class MissingFolder extends Error {}

async function run(verb: Verb, args: string[]): Promise<number> {
	const parsed = parse(verb, args);
	const { values } = parsed;
	const config = values.config as string | undefined;
	if (config) {
		// Both names: RUNSHEET_CONFIG is the config reader's, RUNSHEET_SETTINGS the older one it still reads.
		process.env.RUNSHEET_CONFIG = config;
		process.env.RUNSHEET_SETTINGS = config;
	}
	try {
		return await start(verb, parsed);
	} catch (error) {
		if (error instanceof MissingFolder) {
			console.error(`runsheet ${verb}: ${error.message}`);
			return 1;
		}
		// A config that cannot be used stops the command before it reads or writes anything.
		const lines = (error as { lines?: unknown }).lines;
		if ((error as Error).name === 'ConfigError' && Array.isArray(lines)) {
			for (const line of lines) console.error(line);
			console.error(`runsheet ${verb}: the config has problems (above); nothing was written`);
			return 1;
		}
		throw error;
	}
}

async function start(verb: Verb, { values, positionals, options, given }: Parsed): Promise<number> {
	const most = (n: number, what: string) => {
		if (positionals.length > n) throw new UsageError(`takes ${what}; got ${positionals.map((p) => `"${p}"`).join(' ')}`);
	};
	switch (verb) {
		case 'init': {
			most(1, 'one folder at most');
			const { init } = await import('./init.ts');
			return init(positionals[0] ?? '.');
		}
		case 'dev':
		case 'build':
		case 'preview': {
			most(1, 'one runbooks folder at most');
			// preview serves what build wrote: the folder need not be there.
			const runbooks = verb === 'preview' && !positionals[0] ? defaultFolder() : runbooksFolder(verb, positionals[0]);
			const port = values.port === undefined ? undefined : Number(values.port);
			if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
				throw new UsageError(`--port ${values.port} is not a port number`);
			const { runAstro } = await import('./astro-run.ts');
			return runAstro(verb, {
				runbooks,
				out: values.out as string,
				...(values.base ? { base: values.base as string } : {}),
				...(values.site ? { site: values.site as string } : {}),
				...(values.config ? { config: values.config as string } : {}),
				...(port ? { port } : {}),
				...(values.host ? { host: values.host as string } : {}),
			});
		}
		case 'validate': {
			most(1, 'one runbooks folder at most');
			const folder = runbooksFolder(verb, positionals[0]);
			const { validate } = await import('./validate.ts');
			return validate([folder], CLI);
		}
		case 'lint': {
			// Files or folders: one that is not there stops it as a folder would.
			for (const named of positionals) if (!existsSync(named) || (positionals.length === 1 && isFolder(named))) runbooksFolder(verb, named);
			if (!positionals.length) positionals.push(runbooksFolder(verb, undefined));
			const { lint } = await import('./lint.ts');
			return lint([...options(), ...positionals], CLI);
		}
		case 'links': {
			most(2, 'a runbooks folder and a runbook id');
			const id = positionals.at(-1);
			if (!id) throw new UsageError('name the runbook, e.g. runsheet links runbooks/ payments-deploy');
			const folder = runbooksFolder(verb, positionals.length === 2 ? positionals[0] : (values.content as string | undefined));
			const { links } = await import('./links.ts');
			return links([id, ...options('content'), '--content', folder], CLI);
		}
		case 'alerts': {
			const folder = runbooksFolder(verb, (values.runbooks ?? values.content) as string | undefined);
			const { alerts } = await import('./alerts.ts');
			return alerts([...positionals, ...options('content', 'runbooks'), '--content', folder], CLI);
		}
		case 'import': {
			// A folder's runbooks go into the runbooks folder unless said.
			const out = given('out-dir') || given('out') || values.pin ? [] : ['--out-dir', defaultFolder()];
			const { importCommand } = await import('./import.ts');
			return importCommand([...positionals, ...options(), ...out], CLI);
		}
	}
}
