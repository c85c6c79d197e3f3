import { describe, expect, it } from 'vitest';
import { importChecklist } from '../../../src/import/index.ts';
import { parseFrontMatter } from '../../../src/import/front-matter.ts';

describe('Jekyll', () => {
	// As in the Middleman and Jekyll manuals of other teams: `layout:` copied in twice.
	const page = '---\nlayout: default\ntitle: CDN purge\nlayout: page\n---\n\n# Purging the CDN\n\n## Steps\n\n1. Purge the path.\n';

	it('reads front matter that repeats a key the way Jekyll does: the last value wins', () => {
		expect(parseFrontMatter('layout: default\ntitle: CDN purge\nlayout: page\n', 'yaml')).toEqual({
			data: { layout: 'page', title: 'CDN purge' },
			repeated: ['layout'],
		});
	});

	it('takes the title from such front matter, and says which key repeats', () => {
		const { runbook, warnings } = importChecklist(page, { id: 'cdn' });
		expect(runbook.title).toBe('CDN purge');
		expect(warnings).toContain('front matter repeats `layout:`: the last value is read, as Jekyll does');
	});

	it('still refuses front matter that is not YAML, naming why', () => {
		expect(parseFrontMatter('title: [unclosed\n', 'yaml')).toHaveProperty('error');
	});
});
