import { z } from 'astro/zod';
import { runbookShape } from './runbook.ts';

export const JSON_SCHEMA_FILE = 'runbook.schema.json';

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
		$id: `https://runsheet.dev/${JSON_SCHEMA_FILE}`,
		title: 'Runsheet runbook',
		description: 'One runbook: content/runbooks/<id>.yaml. The id is the file name.',
	};
}
