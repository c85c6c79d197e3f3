// Code linting: TypeScript (typescript-eslint) and Astro components (eslint-plugin-astro).
// Formatting is Prettier's (.prettierrc.json); `npm run lint` runs both.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{
		ignores: ['dist/', '.astro/', 'lib/', '.runsheet/', '.bench/', '.test-sites/', 'test-results/', 'playwright-report/', 'node_modules/'],
	},
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
		},
	},
	// The site asks in its own dialog (src/client/run/ask.ts), never prompt(), confirm() or alert()
	// (tests/unit/client/native-dialogs.test.ts holds every browser file to it).
	{ files: ['src/**/*.{ts,astro}'], rules: { 'no-alert': 'error' } },
);
