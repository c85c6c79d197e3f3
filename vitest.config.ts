import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts'],
		// Tests that start a command line (Node's start, then Astro's or the importer's code) take a
		// few seconds on a busy 2-core machine; 5 s, Vitest's default, failed them under load.
		testTimeout: 30_000,
	},
});
