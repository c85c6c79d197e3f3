import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { runbookLoader } from './lib/content/runbook-loader.ts';
import { withStarlightPageSchemaOnce } from './lib/starlight-page-schema.ts';
import { runbookSchema } from './schema/runbook.ts';

// Wiring only: prose pages are Starlight docs; runbooks are typed YAML under content/runbooks.
export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: withStarlightPageSchemaOnce(docsSchema()) }),
	runbooks: defineCollection({
		loader: runbookLoader({ base: './content/runbooks' }),
		schema: runbookSchema,
	}),
};
