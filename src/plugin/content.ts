/**
 * `runsheet/content`: the runbooks collection, for the `src/content.config.ts` of a site that uses
 * the Runsheet plugin (Starlight's plugin API cannot add a collection itself):
 *
 *   import { runbooksCollection } from 'runsheet/content';
 *   export const collections = { docs: …, runbooks: runbooksCollection() };
 *
 * It reads the folder and settings the plugin was given (src/build/context.ts).
 */
import { defineCollection } from 'astro:content';
import { runbookLoader } from '../build/content/loader.ts';
import { contentDir, contentLabel, settings } from '../build/context.ts';
import { runbookSchema } from '../schema/runbook.ts';

export function runbooksCollection() {
	return defineCollection({ loader: runbookLoader({ base: contentDir, label: contentLabel, settings }), schema: runbookSchema });
}
