// @ts-check
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

// The site is static: every page, the search index and the JSON Schema are files on any host.
export default defineConfig({
	site: process.env.RUNSHEET_SITE ?? 'http://localhost:4321',
	integrations: [
		starlight({
			title: 'Runsheet',
			description: 'Runbooks you can follow, print, roll back and link.',
			customCss: ['./src/styles/runsheet.css'],
			// The sidebar is rendered into every page: it lists where to go, never every runbook,
			// so pages stay the same size with 5 runbooks or 1,000 (the catalog lists them all).
			sidebar: [
				{ label: 'Home', link: '/' },
				{ label: 'Runbooks', link: '/runbooks/' },
				{ label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] },
			],
			lastUpdated: false,
		}),
		mdx(),
	],
});
