import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { runbookSchema } from './schema/runbook.ts';

// Wiring only: prose pages are Starlight docs; runbooks are typed YAML under content/runbooks.
export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	runbooks: defineCollection({
		loader: glob({ base: './content/runbooks', pattern: '*.{yaml,yml}' }),
		schema: runbookSchema,
	}),
};
