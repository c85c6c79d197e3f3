import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts'],
		// Tests that start a command line (Node's start, then Astro's or the importer's code) take a
		// few seconds on a busy 2-core machine; 5 s, Vitest's default, failed them under load.
		testTimeout: 30_000,
		// Vitest's default is one worker less than the cores: one on a 2-core machine, where many files
		// wait on the commands they start. Two took the suite from 162 s to 110 s alone.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		// Files share a worker's module cache instead of each loading its own: 110 s to 78 s alone.
		// Tests that change the environment or a module's state undo it (vi.unstubAllEnvs,
		// vi.resetModules in afterEach); the suite passed with its files in three shuffled orders.
		isolate: false,
	},
});
