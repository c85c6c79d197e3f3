import { describe, expect, it } from 'vitest';
import {
	coverage,
	decodeEntities,
	excerptParts,
	hitsAfterMore,
	runbookOf,
	stepHits,
	type PageData,
	type StepHit,
} from '../../../src/model/step-hits.ts';

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

describe('the hits listed once more results have come', () => {
	const hit = (step: string): StepHit => ({
		url: `/rollback/db/#${step}`,
		runbook: 'db',
		step,
		title: step,
		source: 'DB',
		excerpt: '',
		hits: 1,
	});

	it('keep those on screen where they are and add the new ones after them, best first', () => {
		const listed = [hit('restore-backup'), hit('stop-writes')];
		// The next results' text ranks a new step above both.
		const ranked = [hit('restore-snapshot'), hit('restore-backup'), hit('verify'), hit('stop-writes')];
		const { hits, added } = hitsAfterMore(listed, ranked);
		expect(hits.map((h) => h.step)).toEqual(['restore-backup', 'stop-writes', 'restore-snapshot', 'verify']);
		expect(added.map((h) => h.step)).toEqual(['restore-snapshot', 'verify']);
	});

	it('list no more than the ranking holds, and all of it when nothing is on screen yet', () => {
		const listed = [hit('a'), hit('b'), hit('c')];
		// Capped at three: a hit on screen fell out of the ranking, and no new one is added.
		expect(hitsAfterMore(listed, [hit('d'), hit('a'), hit('b')]).hits.map((h) => h.step)).toEqual(['a', 'b', 'c']);
		expect(hitsAfterMore([], [hit('d'), hit('a')]).hits.map((h) => h.step)).toEqual(['d', 'a']);
	});
});
