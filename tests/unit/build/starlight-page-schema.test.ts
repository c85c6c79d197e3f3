import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isStarlightPageContext, withStarlightPageSchemaOnce } from '../../../src/build/starlight-page-schema.ts';

// The image helper <StarlightPage> passes, as Starlight 0.42 writes it.
const starlightPageContext = () => ({ image: () => ({ message: 'Invalid image passed to `<StarlightPage>` component.' }) });
const contentSyncContext = () => ({ image: () => ({ resolvesRelativeTo: 'the entry' }) });

describe('StarlightPage schema built once', () => {
	it('builds the schema once for <StarlightPage> and every time for content sync', () => {
		let built = 0;
		const schema = withStarlightPageSchemaOnce((context: { image: () => unknown }) => ({ built: ++built, context }));
		const first = schema(starlightPageContext());
		expect(schema(starlightPageContext())).toBe(first);
		expect(schema(contentSyncContext())).not.toBe(schema(contentSyncContext()));
		expect(built).toBe(3);
	});

	it("finds the marker in the installed Starlight's <StarlightPage> image helper (update it if this fails)", () => {
		const source = readFileSync('node_modules/@astrojs/starlight/dist/utils/starlight-page.js', 'utf8');
		const helper = /image: \(\(\) => z\.custom\([\s\S]*?\)\)/.exec(source)?.[0];
		expect(helper).toContain('<StarlightPage>');
		expect(isStarlightPageContext(contentSyncContext())).toBe(false);
	});
});
