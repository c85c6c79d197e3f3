import { describe, expect, it } from 'vitest';
import { read } from './read.ts';

describe('code blocks reader', () => {
	it('gives a fence right after a list item to that item’s step', () => {
		const ctx = read(['# T', '', '## Procedure', '', '1. Reload nginx', '', '```', 'nginx -s reload', '```']);
		expect(ctx.sections[0]!.steps![0]!.commands?.map((c) => c.code)).toEqual(['nginx -s reload']);
	});

	it('keeps a block under an overview as an example, not a step', () => {
		const ctx = read([
			'# A',
			'',
			'## Meaning',
			'',
			'M.',
			'',
			'## Mitigation',
			'',
			'Fix it.',
			'',
			'## Overview',
			'',
			'```',
			'a -> b',
			'```',
		]);
		expect(ctx.sections[2]!.steps).toBeUndefined();
		expect(ctx.sections[2]!.description ?? ctx.sections[2]!.notes?.[0]).toContain('a -> b');
	});

	it('makes a step per numbered comment of a block in a procedure', () => {
		const ctx = read([
			'# T',
			'',
			'## Procedure',
			'',
			'```bash',
			'# 1. Stop the app',
			'systemctl stop app',
			'# 2. Start it',
			'systemctl start app',
			'```',
		]);
		expect(ctx.sections[0]!.steps?.map((s) => s.text)).toEqual(['Stop the app', 'Start it']);
	});

	it('titles a lone block’s step with the bold label before it', () => {
		const ctx = read(['# T', '', '## Rollback', '', '**Solution:**', '', '```', 'git revert HEAD', '```']);
		expect(ctx.sections[0]!.steps?.map((s) => s.text)).toEqual(['Solution: Rollback']);
	});
});
