/** npm run schema: writes public/runbook.schema.json from the zod schema (the single source). */
import { writeFileSync } from 'node:fs';
import { JSON_SCHEMA_FILE, runbookJsonSchema } from '../src/schema/json-schema.ts';

const path = `public/${JSON_SCHEMA_FILE}`;
writeFileSync(path, `${JSON.stringify(runbookJsonSchema(), null, '\t')}\n`);
console.log(`schema: wrote ${path}`);
