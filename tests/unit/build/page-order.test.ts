import { existsSync } from 'node:fs';
import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { CODE_BLOCK_PAGES, codeBlockPagesLast, withCodeBlockPagesLast } from '../../../src/build/page-order.ts';

const page = (pathname: string, component: string) => ({ pathname, route: { component } });
const rollback = (id: string) => page(`/rollback/${id}/`, 'src/routes/rollback/[id].astro');
const runbook = (id: string) => page(`/runbooks/${id}/`, 'src/routes/runbooks/[id].astro');
const sheet = (id: string) => page(`/signoff/${id}/`, 'src/routes/signoff/[id].astro');
const json = (id: string) => page(`/runbooks/${id}.json`, 'src/routes/runbooks/[id].json.ts');

describe('the order pages are rendered in', () => {
	it('puts the pages with command blocks last, rollback before runbook pages, every group in its order', () => {
		const astro = [
			page('/404.html', 'src/routes/404.astro'),
			rollback('a'),
			rollback('b'),
			json('a'),
			runbook('a'),
			runbook('b'),
			sheet('a'),
			sheet('b'),
		];
		expect(codeBlockPagesLast(astro).map((p) => p.pathname)).toEqual([
			'/404.html',
			'/runbooks/a.json',
			'/signoff/a/',
			'/signoff/b/',
			'/rollback/a/',
			'/rollback/b/',
			'/runbooks/a/',
			'/runbooks/b/',
		]);
	});

	it("keeps Astro's order when two routes give one path, so the same route wins", () => {
		const astro = [runbook('a'), page('/runbooks/a', 'src/routes/[...moved].astro'), sheet('a')];
		expect(codeBlockPagesLast(astro)).toEqual(astro);
	});

	it('names pages that exist', () => {
		for (const component of CODE_BLOCK_PAGES) expect(existsSync(component), component).toBe(true);
	});

	it("wraps Astro's prerenderer: the same calls, on it, with only the list reordered", async () => {
		const calls: string[] = [];
		const stock: AstroPrerenderer = {
			name: 'astro:default',
			async setup() {
				calls.push(`setup:${this === stock}`);
			},
			getStaticPaths: async () => [runbook('a'), sheet('a')] as never,
			render: async (request) => new Response(request.url),
			async teardown() {
				calls.push(`teardown:${this === stock}`);
			},
		};
		const ordered = withCodeBlockPagesLast(stock);
		await ordered.setup?.();
		expect((await ordered.getStaticPaths()).map((p) => p.pathname)).toEqual(['/signoff/a/', '/runbooks/a/']);
		const rendered = (await ordered.render(new Request('http://x/signoff/a/'), { routeData: {} as never })) as Response;
		expect(await rendered.text()).toBe('http://x/signoff/a/');
		await ordered.teardown?.();
		expect(calls).toEqual(['setup:true', 'teardown:true']);
		expect(ordered.collectStaticImages).toBeUndefined();
	});

	it('reorders the list where Astro (7.4) gives it beside the images’ metadata, which it passes on', async () => {
		const metadata = { images: 1 };
		const stock = {
			name: 'astro:default',
			getStaticPaths: async () => ({ paths: [runbook('a'), sheet('a')], metadata }),
			render: async () => new Response(''),
		} as unknown as AstroPrerenderer;
		const found = (await withCodeBlockPagesLast(stock).getStaticPaths()) as unknown as { paths: { pathname: string }[]; metadata: unknown };
		expect(found.paths.map((p) => p.pathname)).toEqual(['/signoff/a/', '/runbooks/a/']);
		expect(found.metadata).toBe(metadata);
	});
});
