import { z } from 'astro/zod';
import { catalogSchema } from './catalog.ts';
import { runbookShape } from './runbook.ts';
import { settingsSchema } from './settings.ts';

export const JSON_SCHEMA_FILE = 'runbook.schema.json';
export const CATALOG_SCHEMA_FILE = 'catalog.schema.json';
export const CONFIG_SCHEMA_FILE = 'runsheet.config.schema.json';

/**
 * The JSON Schema editors use to autocomplete and flag runbook files. It describes what a file
 * may contain (the input side); dates may be written quoted or not.
 */
export function runbookJsonSchema(): Record<string, unknown> {
	const schema = z.toJSONSchema(runbookShape, {
		io: 'input',
		unrepresentable: 'any',
		override: (ctx) => {
			const def = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def;
			if (def.type === 'date') {
				ctx.jsonSchema.type = 'string';
				ctx.jsonSchema.format = 'date';
			}
		},
	});
	return {
		...schema,
		// As runbookSchema checks: a runbook not imported from a document says its version and review date.
		if: { not: { required: ['source'] } },
		then: { required: ['version', 'lastReviewed'] },
		$id: `https://runsheet.dev/${JSON_SCHEMA_FILE}`,
		title: 'Runsheet runbook',
		description: 'One runbook: content/runbooks/<id>.yaml. The id is the file name.',
	};
}

/** The JSON Schema of /runbooks.json, for whoever reads the catalog. */
export function catalogJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(catalogSchema, { io: 'output' }),
		$id: `https://runsheet.dev/${CATALOG_SCHEMA_FILE}`,
		title: 'Runsheet catalog (/runbooks.json)',
		description: 'Every runbook with its URLs, sections and steps. /runbooks/<id>.json holds one runbook in full (runbook.schema.json).',
	};
}

/**
 * The JSON Schema of the config file, runsheet.config.yaml, for editors (the input side: what
 * may be written; every key optional). A config file names it on its first line:
 * `# yaml-language-server: $schema=<url of runsheet.config.schema.json>`.
 */
export function configJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(settingsSchema, { io: 'input', unrepresentable: 'any' }),
		$id: `https://runsheet.dev/${CONFIG_SCHEMA_FILE}`,
		title: 'Runsheet config (runsheet.config.yaml)',
		description: "The site's settings, in the file beside the runbooks: title, logo, links, address, review interval, lint, offline, sync.",
	};
}
