import { describe, expect, it } from 'vitest';
import { coverage, decodeEntities, excerptParts, runbookOf, stepHits, type PageData } from '../../../src/model/step-hits.ts';

const page = (url: string, subs: [id: string | undefined, title: string, excerpt: string, hits: number][]): PageData => ({
	url,
	meta: { title: 'Roll back X', runbook: `Runbook ${url}` },
	sub_results: subs.map(([id, title, excerpt, hits]) => ({
		title,
		url: `${url}#${id ?? '_top'}`,
		excerpt,
		locations: Array.from({ length: hits }, (_, i) => i),
		...(id ? { anchor: { id } } : {}),
	})),
});

describe('step hits from Pagefind results', () => {
	it('reads the runbook id from the page URL, with or without a base path', () => {
		expect(runbookOf('/rollback/twiga-scan/')).toBe('twiga-scan');
		expect(runbookOf('/docs/rollback/twiga-scan/#restore-database')).toBe('twiga-scan');
	});

	it('keeps only sub-results that are steps, and ranks whole-word matches above prefixes', () => {
		const pages = [
			page('/rollback/a/', [
				[undefined, 'Roll back A', 'Techniques: <mark>Docker</mark> Compose', 1],
				['migrate', 'Run migration', '<mark>docker-compose</mark> exec backend alembic <mark>downgrade</mark>', 2],
				['stop-a', 'Stop current version', '<mark>docker-compose</mark> <mark>down</mark>', 2],
				['rollback', 'Rollback Plan', 'section heading', 1],
			]),
			page('/rollback/b/', [['stop-b', 'Stop new deployment', '<mark>docker-compose</mark> -f prod.yml <mark>down</mark>', 2]]),
		];
		const isStep = (_: string, id: string) => id !== 'rollback';
		expect(stepHits(pages, 'docker compose down', isStep).map((h) => `${h.runbook}#${h.step}`)).toEqual([
			'a#stop-a',
			'b#stop-b',
			'a#migrate',
		]);
	});

	it('counts query words in the step title', () => {
		expect(coverage('previous version', 'git checkout <mark>previous</mark>', 'Checkout previous version')).toBe(2 + 0 + 1 + 1);
		expect(coverage('previous version', 'git checkout <mark>previous</mark>', 'Execute rollback')).toBe(2);
	});

	it('cuts the list at the limit', () => {
		const subs = Array.from({ length: 30 }, (_, i) => [`s${i}`, `Step ${i}`, '<mark>x</mark>', 1] as [string, string, string, number]);
		expect(stepHits([page('/rollback/a/', subs)], 'x', () => true, 20)).toHaveLength(20);
	});
});

describe('excerpts as text', () => {
	it('splits marks from text and decodes entities without making markup', () => {
		expect(excerptParts('psql &lt; backup.sql <mark>restore</mark> &amp; <b>x</b>')).toEqual([
			{ text: 'psql < backup.sql ', mark: false },
			{ text: 'restore', mark: true },
			{ text: ' & x', mark: false },
		]);
	});
	it('decodes numeric entities and leaves unknown ones alone', () => {
		expect(decodeEntities('&#39;a&#x27; &bogus; &#0;')).toBe("'a' &bogus; &#0;");
	});
	it('a script tag in an excerpt stays text', () => {
		const parts = excerptParts('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(parts).toEqual([{ text: '<script>alert(1)</script>', mark: false }]);
	});
});
