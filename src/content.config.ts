import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { speedUps } from './build/speed-ups.ts';
import { withStarlightPageSchemaOnce } from './build/starlight-page-schema.ts';
import { runbooksCollection } from './plugin/content.ts';

// Wiring only: prose pages are Starlight docs (the guides); runbooks are typed YAML (or Markdown
// read through the importer) in the folder the Runsheet plugin was given. This is the content of
// this repository's site and of `runsheet build` (src/plugin/site.ts); a team's own Starlight
// site keeps its own file and adds `runbooks: runbooksCollection()`.
export const collections = {
	// A speed-up (build/speed-ups.ts): the schema <StarlightPage> asks for on every page, built once.
	docs: defineCollection({ loader: docsLoader(), schema: speedUps() === 'off' ? docsSchema() : withStarlightPageSchemaOnce(docsSchema()) }),
	// Starlight's own words, where Runsheet says them better (src/content/i18n/en.json).
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
	runbooks: runbooksCollection(),
};
