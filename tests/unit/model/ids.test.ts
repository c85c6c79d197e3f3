import { describe, expect, it } from 'vitest';
import { IdAllocator, slugify } from '../../../src/model/ids.ts';
import { ID_PATTERN } from '../../../src/schema/ids.ts';

describe('slugify', () => {
	it('makes URL-safe ids from any title', () => {
		expect(slugify('Backend `.env.production` configured')).toBe('backend-env-production-configured');
		expect(slugify('Monitoring & Logging')).toBe('monitoring-and-logging');
		expect(slugify("SSL/TLS certificate (Let's Encrypt)")).toBe('ssl-tls-certificate-lets-encrypt');
		expect(slugify('Déploiement — étape 1')).toBe('deploiement-etape-1');
		for (const title of ['✅ Done', '  --Weird--  ', 'Ünïcödé ✓ 100%']) expect(slugify(title)).toMatch(ID_PATTERN);
	});
	it('cuts long titles at a word boundary', () => {
		const id = slugify('Verify that every single one of the background workers has picked up the new configuration');
		expect(id.length).toBeLessThanOrEqual(60);
		expect(id).toMatch(ID_PATTERN);
		expect(id.endsWith('-')).toBe(false);
	});
});

describe('IdAllocator', () => {
	it('de-duplicates with numeric suffixes in order', () => {
		const ids = new IdAllocator();
		expect(['Health check', 'Health check', 'health-check', 'Other'].map((t) => ids.allocate(t))).toEqual([
			'health-check',
			'health-check-2',
			'health-check-3',
			'other',
		]);
	});
	it('falls back when a title has no letters or digits', () => {
		expect(new IdAllocator().allocate('✅', 'step')).toBe('step');
	});
});
