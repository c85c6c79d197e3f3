import { describe, expect, it } from 'vitest';
import { read } from './read.ts';

describe('lists reader', () => {
	it('makes each task-list item a step and keeps the plain bullets between them as prose', () => {
		const ctx = read(['# T', '', '## Before', '', '- [ ] Tag the release', '- a remark', '- [x] Notify the team']);
		const section = ctx.sections[0]!;
		expect(section.steps?.map((s) => s.text)).toEqual(['Tag the release', 'Notify the team']);
		expect(section.description ?? section.notes?.[0]).toBe('- a remark');
	});

	it('makes a numbered list under a procedure heading steps, with an item’s code block as its command', () => {
		const ctx = read([
			'# T',
			'',
			'## Procedure',
			'',
			'1. Stop the service:',
			'',
			'   ```sh',
			'   systemctl stop api',
			'   ```',
			'2. Start it.',
		]);
		const steps = ctx.sections[0]!.steps!;
		expect(steps.map((s) => s.text)).toEqual(['Stop the service', 'Start it.']);
		expect(steps[0]!.commands?.[0]?.code).toBe('systemctl stop api');
	});

	it('keeps a bullet list of possibilities in a diagnosis as prose, and one of instructions as steps', () => {
		const facts = read([
			'# A',
			'',
			'## Meaning',
			'',
			'M.',
			'',
			'## Diagnosis',
			'',
			'- the disk is full',
			'- the app waits for the database',
		]);
		expect(facts.sections[1]!.steps).toBeUndefined();
		const asks = read(['# A', '', '## Meaning', '', 'M.', '', '## Diagnosis', '', '- Check the disk', '- Restart the app']);
		expect(asks.sections[1]!.steps?.map((s) => s.text)).toEqual(['Check the disk', 'Restart the app']);
	});

	it('reads "**Role**: contact" items under a contacts heading as contacts', () => {
		const ctx = read(['# T', '', '## Contacts', '', '- **On-call**: #ops-oncall', '- **DBA**: dba@example.com']);
		expect(ctx.sections[0]!.contacts).toEqual([
			{ role: 'On-call', contact: '#ops-oncall' },
			{ role: 'DBA', contact: 'dba@example.com' },
		]);
	});

	it('reads an item’s "(if applicable)" as the step’s condition', () => {
		const ctx = read(['# T', '', '## Procedure', '', '- [ ] Purge the CDN (if applicable)']);
		expect(ctx.sections[0]!.steps![0]).toMatchObject({ text: 'Purge the CDN', optional: true, condition: 'if applicable' });
	});
});
