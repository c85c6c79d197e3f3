// @ts-check
import { defineConfig } from 'astro/config';
import { runsheetSite } from './src/plugin/site.ts';

// Runsheet's own site: Starlight with the Runsheet plugin (src/plugin/), as `runsheet build` builds
// a team's folder. The test sites build other folders (RUNSHEET_CONTENT), with other settings
// (RUNSHEET_CONFIG) into other folders (RUNSHEET_OUT); RUNSHEET_BASE and RUNSHEET_SITE override the
// config file's base and site.
export default defineConfig(
	await runsheetSite({
		runbooks: process.env.RUNSHEET_CONTENT ?? 'content/runbooks',
		outDir: process.env.RUNSHEET_OUT ?? './dist',
	}),
);
