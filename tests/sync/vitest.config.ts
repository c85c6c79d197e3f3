import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// npm run test:sync-server: the sync server as its own process, attacked (tests/sync/). Apart
// from the unit tests: it takes a minute, starts servers and Redis, and measures memory.
export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		include: ['tests/sync/**/*.test.ts'],
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 60_000,
	},
});
