import { describe, expect, it } from 'vitest';
import { compactName, nameVariants, namesMatch, normalizeName, parseFinderQuery, prepareNames } from '../../../src/model/search-terms.ts';

const twiga = ['twiga-scan', 'Twiga Scan: Production Deployment Checklist', 'Twiga Scan', 'If Deployment Fails'];

describe('names as typed', () => {
	it('reads hyphens, underscores, dots, slashes, case and accents alike', () => {
		expect(normalizeName('Twiga-Scan_api.v2/Prod')).toBe('twiga scan api v2 prod');
		expect(normalizeName('  Café  Ops ')).toBe('cafe ops');
		expect(compactName('twiga-scan')).toBe('twigascan');
		expect(compactName('Twiga Scan')).toBe('twigascan');
	});

	it('finds a procedure by its runbook id, title, system or alias, however written', () => {
		for (const query of ['twiga-scan', 'twiga scan', 'Twiga', 'TWIGA SCAN', 'twigascan', 'twig', 'deployment fails']) {
			expect(namesMatch(parseFinderQuery(query).terms, twiga), query).toBe(true);
		}
		for (const query of ['yogaflow', 'twiga kubernetes', 'scanner twiga']) {
			expect(namesMatch(parseFinderQuery(query).terms, twiga), query).toBe(false);
		}
		expect(namesMatch(['legacy'], ['spatial-intel', 'Legacy Maps'])).toBe(true);
	});

	it('answers the same with names prepared once as with names read each time', () => {
		const prepared = prepareNames(twiga);
		expect(prepared.words).toContain('twiga');
		expect(prepared.compact).toContain('twigascan');
		for (const query of ['twiga-scan', 'twigascan', 'Twiga', 'deployment fails', 'yogaflow', 'scanner twiga', 'fails twiga', 'Café']) {
			const { terms } = parseFinderQuery(query);
			expect(namesMatch(terms, prepared), query).toBe(namesMatch(terms, twiga));
		}
	});

	it('takes every word for "roll back" out of a query and says it asked for one', () => {
		expect(parseFinderQuery('revert kubernetes')).toEqual({ terms: ['kubernetes'], rollback: true });
		expect(parseFinderQuery('Roll back twiga-scan')).toEqual({ terms: ['twiga', 'scan'], rollback: true });
		expect(parseFinderQuery('restore previous version of yogaflow')).toEqual({ terms: ['version', 'of', 'yogaflow'], rollback: true });
		expect(parseFinderQuery('undo')).toEqual({ terms: [], rollback: true });
		expect(parseFinderQuery('downgrade alembic')).toEqual({ terms: ['alembic'], rollback: true });
		// "restore" alone is a step word (restore a backup), not a synonym.
		expect(parseFinderQuery('restore database')).toEqual({ terms: ['restore', 'database'], rollback: false });
		expect(parseFinderQuery('rollbacks')).toEqual({ terms: ['rollbacks'], rollback: false });
	});

	it('gives the search index each short name in every form, the title as written', () => {
		const forms = nameVariants({
			id: 'twiga-scan',
			title: 'Twiga Scan: Production',
			system: 'Twiga Scan',
			aliases: ['Scan API'],
			alerts: ['TwigaScanDown'],
		});
		for (const form of [
			'twiga-scan',
			'twiga scan',
			'twigascan',
			'Twiga Scan',
			'Twiga Scan: Production',
			'scan api',
			'scan-api',
			'scanapi',
			'TwigaScanDown',
		])
			expect(forms, form).toContain(form);
		expect(new Set(forms).size).toBe(forms.length);
	});
});
