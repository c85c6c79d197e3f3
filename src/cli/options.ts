/**
 * The options of each command, as node:util's parseArgs takes them: read by the command itself
 * and by the command line (src/cli/main.ts), which finds the runbooks folder among them before
 * the command, and the settings it reads, are loaded.
 */
import type { ParseArgsOptionsConfig } from 'node:util';

export const importOptions = {
	out: { type: 'string' },
	'out-dir': { type: 'string', default: 'content/runbooks' },
	id: { type: 'string' },
	system: { type: 'string' },
	title: { type: 'string' },
	fresh: { type: 'boolean', default: false },
	'keep-placeholders': { type: 'boolean', default: false },
	pin: { type: 'boolean', default: false },
	verbose: { type: 'boolean', default: false },
	report: { type: 'boolean', default: false },
	format: { type: 'string', default: 'text' },
	help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

export const alertsOptions = {
	base: { type: 'string' },
	format: { type: 'string', default: 'text' },
	strict: { type: 'boolean', default: false },
	rewrite: { type: 'boolean', default: false },
	'out-dir': { type: 'string' },
	content: { type: 'string' },
	help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

export const lintOptions = {
	format: { type: 'string', default: 'text' },
	fix: { type: 'boolean', default: false },
	'max-warnings': { type: 'string' },
	today: { type: 'string' },
	config: { type: 'string' },
	// The option's earlier name.
	settings: { type: 'string' },
	help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** links' --base defaults to RUNSHEET_SITE, read when it runs (see links.ts). */
export const linksOptions = {
	base: { type: 'string' },
	format: { type: 'string', default: 'text' },
	content: { type: 'string' },
	help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

export const validateOptions = {
	help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** dev, build and preview (src/cli/astro-run.ts). */
export const astroOptions = {
	out: { type: 'string', default: 'dist' },
	base: { type: 'string' },
	site: { type: 'string' },
	port: { type: 'string' },
	host: { type: 'string' },
	help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

export const initOptions = {
	help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;
