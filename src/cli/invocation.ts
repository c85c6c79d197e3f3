/**
 * How a command was started, for the usage lines and hints it prints: `npm run lint:runbooks --`
 * in this repository (the npm scripts), `runsheet lint` in a team's (the command line). Both run
 * the same code; only the words a person copies differ.
 */
export type ToolVerb = 'import' | 'alerts' | 'lint' | 'validate' | 'links';

export interface Invocation {
	/** The command alone: `npm run validate`, `runsheet validate`. */
	name(verb: ToolVerb): string;
	/** The command with arguments: `npm run links -- <id>`, `runsheet links <id>`. */
	usage(verb: ToolVerb, args: string): string;
	/** The runbooks folder where it is usually kept: content/runbooks here, runbooks/ in a team's repository. */
	folder: string;
}

const SCRIPTS: Record<ToolVerb, string> = {
	import: 'import',
	alerts: 'alerts',
	lint: 'lint:runbooks',
	validate: 'validate',
	links: 'links',
};

/** The npm scripts of this repository (scripts/<x>.ts). */
export const NPM: Invocation = {
	name: (verb) => `npm run ${SCRIPTS[verb]}`,
	usage: (verb, args) => `npm run ${SCRIPTS[verb]} -- ${args}`,
	folder: 'content/runbooks',
};

/** The `runsheet` command line (bin/runsheet.mjs). */
export const CLI: Invocation = {
	name: (verb) => `runsheet ${verb}`,
	usage: (verb, args) => `runsheet ${verb} ${args}`,
	folder: 'runbooks',
};
