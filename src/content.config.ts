import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { runbookLoader } from './build/content/loader.ts';
import { contentFolder } from './build/content/content-folder.ts';
import { speedUps } from './build/speed-ups.ts';
import { withStarlightPageSchemaOnce } from './build/starlight-page-schema.ts';
import { runbookSchema } from './schema/runbook.ts';

// Wiring only: prose pages are Starlight docs; runbooks are typed YAML (or Markdown read through
// the importer) in the content folder (content/runbooks, or RUNSHEET_CONTENT).
export const collections = {
	// A speed-up (build/speed-ups.ts): the schema <StarlightPage> asks for on every page, built once.
	docs: defineCollection({ loader: docsLoader(), schema: speedUps() === 'off' ? docsSchema() : withStarlightPageSchemaOnce(docsSchema()) }),
	// Starlight's own words, where Runsheet says them better (src/content/i18n/en.json).
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
	runbooks: defineCollection({
		loader: runbookLoader({ base: contentFolder() }),
		schema: runbookSchema,
	}),
};
