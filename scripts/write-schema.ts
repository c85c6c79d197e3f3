/** npm run schema: writes the JSON Schemas in public/ from the zod schemas (the single source). */
import { writeFileSync } from 'node:fs';
import {
	CATALOG_SCHEMA_FILE,
	catalogJsonSchema,
	CONFIG_SCHEMA_FILE,
	configJsonSchema,
	JSON_SCHEMA_FILE,
	runbookJsonSchema,
} from '../src/schema/json-schema.ts';

for (const [file, schema] of [
	[JSON_SCHEMA_FILE, runbookJsonSchema()],
	[CATALOG_SCHEMA_FILE, catalogJsonSchema()],
	[CONFIG_SCHEMA_FILE, configJsonSchema()],
] as const) {
	const path = `public/${file}`;
	writeFileSync(path, `${JSON.stringify(schema, null, '\t')}\n`);
	console.log(`schema: wrote ${path}`);
}
