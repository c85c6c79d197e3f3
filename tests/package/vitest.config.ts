import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// npm run test:package: Runsheet packed (`npm pack`) and installed as a team installs it, in a
// folder outside the repository, then run there (tests/package/). Apart from the unit tests: it
// installs from npm's cache and builds four sites, a few minutes; its sites are served to the
// browser tests of tests/e2e/*.package.spec.ts.
export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		include: ['tests/package/**/*.test.ts'],
		fileParallelism: false,
		testTimeout: 240_000,
		hookTimeout: 300_000,
	},
});
