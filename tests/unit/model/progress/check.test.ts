import { describe, expect, it } from 'vitest';
import { checkEntries, checkEvent, checkRecordEntry, cleanName, isTime, notValid } from '../../../../src/model/progress/check.ts';
import { cleanValue } from '../../../../src/model/variable-value.ts';
import { eventSchema, recordEntrySchema, valueSchema, type EntryRules } from '../../../../src/schema/progress.ts';
import { MAX_TIME, NOT_IN_A_LINE, RUN_LIMITS } from '../../../../src/schema/run-limits.ts';
import { random } from '../../../support/random.ts';

const NOW = Date.UTC(2026, 11, 1, 2, 0, 0);
const STEPS = new Set(['deploy', 'smoke-test', 'drain']);
const rules: EntryRules = { now: NOW, steps: STEPS };
const MINUTE = 60_000;

describe('the check of what comes from outside: events', () => {
	it('keeps an event of a known kind, on a step of the runbook, at a time up to now and a few minutes', () => {
		const ok = { t: NOW - MINUTE, step: 'deploy', action: 'tick', by: 'AB' } as const;
		expect(checkEvent(ok, rules)).toEqual(ok);
		expect(checkEvent({ ...ok, t: NOW + 5 * MINUTE }, rules)).toEqual({ ...ok, t: NOW + 5 * MINUTE });
		expect(checkEvent({ t: 0, step: 'drain', action: 'na', reason: 'no CDN' }, rules)).toEqual({
			t: 0,
			step: 'drain',
			action: 'na',
			reason: 'no CDN',
		});
	});

	it('leaves out times that are no times, or later than now allows: 8.64e16, NaN, Infinity, text, before 1970, tomorrow', () => {
		for (const t of [
			8.64e16,
			Number.NaN,
			Number.POSITIVE_INFINITY,
			'garbage',
			'1700000000000',
			-1,
			null,
			NOW + 5 * MINUTE + 1,
			NOW + 86_400_000,
		])
			expect(checkEvent({ t, step: 'deploy', action: 'tick' }, rules), String(t)).toBeUndefined();
		// Read back from storage there is no clock to hold to: any time a date can hold.
		expect(checkEvent({ t: NOW + 86_400_000, step: 'deploy', action: 'tick' }, { steps: STEPS })).toBeDefined();
		expect(checkEvent({ t: MAX_TIME + 1, step: 'deploy', action: 'tick' }, {})).toBeUndefined();
	});

	it('leaves out unknown kinds, steps this runbook does not have, ids that are no ids, and what is not an event', () => {
		const event = { t: NOW, step: 'deploy', action: 'tick' };
		for (const bad of [
			{ ...event, action: 'delete' },
			{ ...event, action: 'constructor' },
			{ ...event, step: 'a-step-from-elsewhere' },
			{ ...event, step: '<img src=x onerror=alert(1)>' },
			{ ...event, step: 5 },
			{ ...event, by: 5 },
			{ ...event, reason: { text: 'x' } },
			[NOW, 'deploy', 'x'],
			'deploy',
			null,
		])
			expect(checkEvent(bad, rules), JSON.stringify(bad)).toBeUndefined();
		// Without the runbook's steps (a run read back from storage), any well-formed id.
		expect(checkEvent({ ...event, step: 'a-step-removed-since' }, { now: NOW })).toBeDefined();
		expect(checkEvent({ ...event, step: 'Not An Id' }, { now: NOW })).toBeUndefined();
	});

	it('cleans initials and reasons as typing does, and carries nothing else the input had', () => {
		expect(
			checkEvent({ t: NOW, step: 'drain', action: 'na', by: ' a.b-c d e ', reason: '  no\nCDN\there  ', extra: { deep: [1] } }, rules),
		).toEqual({ t: NOW, step: 'drain', action: 'na', by: 'ABCD', reason: 'no CDN here' });
		expect(checkEvent({ t: NOW, step: 'drain', action: 'na', reason: 'x'.repeat(300) }, rules)?.reason).toHaveLength(RUN_LIMITS.reason);
		// Nothing left of them: none recorded.
		expect(checkEvent({ t: NOW, step: 'drain', action: 'tick', by: '..', reason: ' \n ' }, rules)).toEqual({
			t: NOW,
			step: 'drain',
			action: 'tick',
		});
	});
});

describe('the check of what comes from outside: values, record, name', () => {
	it('refuses a value that typing could not give: a newline (a second command line), a control character, spaces around it', () => {
		const { values, dropped } = checkEntries(
			{
				values: {
					TAG: 'v1\nrm -rf ~/important',
					CR: 'v1\rrm -rf ~',
					ESC: 'v1\u001b[2J',
					PADDED: ' v1 ',
					LONG: 'x'.repeat(501),
					EMPTY: '',
					lower: 'ok',
					N: 5,
					DOMAIN: 'shop.example.org',
				},
			},
			rules,
		);
		expect(values).toEqual({ DOMAIN: 'shop.example.org' });
		expect(dropped).toBe(8);
		// Values are names to text: anything else is one entry not valid.
		expect(checkEntries({ values: ['DOMAIN', 'x'] }, rules)).toEqual({ events: [], dropped: 1 });
		expect(checkEntries({ values: 'DOMAIN=x' }, rules)).toEqual({ events: [], dropped: 1 });
	});

	it('keeps a record entry on a field id at a valid time, its text cleaned (lines kept)', () => {
		expect(checkRecordEntry({ t: NOW, field: 'status', value: ' Partial\n\tCDN slow \u0007', by: 'cd' }, rules)).toEqual({
			t: NOW,
			field: 'status',
			value: 'Partial\n\tCDN slow',
			by: 'CD',
		});
		expect(checkRecordEntry({ t: NOW, field: 'notes', value: '' }, rules)).toEqual({ t: NOW, field: 'notes', value: '' });
		for (const bad of [
			{ t: 8.64e16, field: 'status', value: 'x' },
			{ t: NOW, field: 'Status!', value: 'x' },
			{ t: NOW, field: 'status', value: 7 },
			{ t: NOW, field: 'status' },
			null,
		])
			expect(checkRecordEntry(bad, rules), JSON.stringify(bad)).toBeUndefined();
	});

	it('cleans a run’s name as one asked for; a name that leaves nothing is not valid', () => {
		expect(cleanName('  INC-2291\nrm -rf ~ ')).toBe('INC-2291 rm -rf ~');
		expect(cleanName('x'.repeat(200))).toHaveLength(RUN_LIMITS.name);
		expect(checkEntries({ name: '\n\u0000 ' }, rules)).toEqual({ events: [], dropped: 1 });
		expect(checkEntries({ name: 42 }, rules)).toEqual({ events: [], dropped: 1 });
	});

	it('counts every entry left out, lists and values alike, and takes at most the format’s number of entries', () => {
		const good = { t: NOW, step: 'deploy', action: 'tick' };
		const checked = checkEntries(
			{
				events: [good, { t: 'garbage' }, { ...good, t: 8.64e16 }, { ...good, step: 'smoke-test' }, 42],
				record: [{ t: NOW, field: 'status', value: 'ok' }, { t: NOW }],
				values: { DOMAIN: 'x', BAD: 'a\nb' },
			},
			rules,
		);
		expect(checked).toEqual({
			events: [good, { ...good, step: 'smoke-test' }],
			record: [{ t: NOW, field: 'status', value: 'ok' }],
			values: { DOMAIN: 'x' },
			dropped: 5,
		});
		expect(checkEntries({ events: 'nope', record: {} }, rules).dropped).toBe(2);
		const many = Array.from({ length: RUN_LIMITS.events + 3 }, () => good);
		const capped = checkEntries({ events: many }, rules);
		expect(capped.events).toHaveLength(RUN_LIMITS.events);
		expect(capped.dropped).toBe(3);
	});

	it('says how many were left out, and from where', () => {
		expect(notValid(1, 'the link')).toBe('1 entry from the link was not valid and was left out');
		expect(notValid(2, 'the file')).toBe('2 entries from the file were not valid and were left out');
	});

	it('takes as a time what a date can show, and no more', () => {
		expect(isTime(MAX_TIME, {})).toBe(true);
		expect(() => new Date(MAX_TIME).toISOString()).not.toThrow();
		expect(isTime(MAX_TIME + 1, {})).toBe(false);
		expect(() => new Date(MAX_TIME + 1).toISOString()).toThrow('Invalid time value');
	});
});

describe('the typed rules and the format are the same rules', () => {
	it('cleanValue, which every runbook page carries, writes out the format’s one-line rule and value length', () => {
		expect(cleanValue('x'.repeat(RUN_LIMITS.value + 10))).toHaveLength(RUN_LIMITS.value);
		for (let c = 0; c < 0x3000; c++) {
			const ch = String.fromCharCode(c);
			expect(cleanValue(`a${ch}b`) !== `a${ch}b`, `U+${c.toString(16)}`).toBe(NOT_IN_A_LINE.test(ch));
		}
	});
});

/** Values a field may be given from outside: the edges of each rule, and junk. */
const samples = (rnd: () => number) => {
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
	const texts = [
		'',
		' ',
		'AB',
		'ab',
		'ABCDE',
		'ß',
		'Ü1',
		'𝐀',
		'no CDN',
		' padded ',
		'a\nb',
		'a\tb',
		'x'.repeat(200),
		'x'.repeat(201),
		'\u0000',
		'é',
	];
	return {
		time: () =>
			pick([
				0,
				1,
				NOW,
				NOW - MINUTE,
				NOW + 5 * MINUTE,
				NOW + 5 * MINUTE + 1,
				-1,
				8.64e15,
				8.64e16,
				Number.NaN,
				Infinity,
				'5',
				null,
				undefined,
			]),
		step: () => pick(['deploy', 'drain', 'smoke-test', 'gone', 'Deploy', '', '-x', 5, undefined]),
		action: () => pick(['tick', 'untick', 'na', 'clear', 'x', 'toString', undefined]),
		text: () => pick([...texts, undefined, 5, null]),
		field: () => pick(['status', 'deployed-by', 'Status', 'a--b', '', undefined]),
		name: () => pick(['DOMAIN', 'A_B', 'A__B', 'lower', '1A', '__proto__']),
	};
};

describe('the plain check keeps to the zod schemas (seeded, 3,000 entries each)', () => {
	/** With this runbook's steps and clock, or as a run read back from storage (neither). */
	const stored: EntryRules = {};
	const rulesFor = (rnd: () => number): EntryRules => (rnd() < 0.5 ? rules : stored);
	const events = new Map([rules, stored].map((r) => [r, eventSchema(r)]));
	const records = new Map([rules, stored].map((r) => [r, recordEntrySchema(r)]));
	/** How often the schema took an entry: both answers must come up, or the comparison proves nothing. */
	const both = (taken: number) => {
		expect(taken).toBeGreaterThan(100);
		expect(taken).toBeLessThan(2900);
	};

	it('events: what it keeps passes the schema; what passes the schema it keeps unchanged; what the schema refuses for its time, step or kind it leaves out', () => {
		const rnd = random(33);
		const s = samples(rnd);
		let taken = 0;
		for (let i = 0; i < 3000; i++) {
			const r = rulesFor(rnd);
			// Mostly well-formed, so that the optional fields' rules are reached too.
			const raw: Record<string, unknown> =
				rnd() < 0.6 ? { t: NOW, step: 'deploy', action: 'na' } : { t: s.time(), step: s.step(), action: s.action() };
			for (const key of ['by', 'reason']) {
				const v = s.text();
				if (v !== undefined || rnd() < 0.5) raw[key] = v;
			}
			const kept = checkEvent(raw, r);
			const schema = events.get(r)!;
			if (kept) expect(schema.safeParse(kept).success, JSON.stringify(raw)).toBe(true);
			if (schema.safeParse(raw).success) {
				taken++;
				expect(kept, JSON.stringify(raw)).toEqual(raw);
			}
			if (!schema.pick({ t: true, step: true, action: true }).safeParse(raw).success) expect(kept, JSON.stringify(raw)).toBeUndefined();
		}
		both(taken);
	});

	it('record entries: the same three ways', () => {
		const rnd = random(34);
		const s = samples(rnd);
		let taken = 0;
		for (let i = 0; i < 3000; i++) {
			const r = rulesFor(rnd);
			const raw: Record<string, unknown> = rnd() < 0.6 ? { t: NOW, field: 'status' } : { t: s.time(), field: s.field() };
			raw.value = s.text();
			const by = s.text();
			if (by !== undefined) raw.by = by;
			const kept = checkRecordEntry(raw, r);
			const schema = records.get(r)!;
			if (kept) expect(schema.safeParse(kept).success, JSON.stringify(raw)).toBe(true);
			if (schema.safeParse(raw).success) {
				taken++;
				expect(kept, JSON.stringify(raw)).toEqual(raw);
			}
			if (!schema.pick({ t: true, field: true }).safeParse(raw).success || typeof raw.value !== 'string')
				expect(kept, JSON.stringify(raw)).toBeUndefined();
		}
		both(taken);
	});

	it('values: taken exactly when the schema takes them (a value is never changed)', () => {
		const rnd = random(35);
		const s = samples(rnd);
		let taken = 0;
		for (let i = 0; i < 3000; i++) {
			const [name, value] = [s.name(), s.text()];
			const { values } = checkEntries({ values: Object.fromEntries([[name, value]]) }, rules);
			const ok = valueSchema.safeParse([name, value]).success;
			if (ok) taken++;
			expect(Boolean(values), JSON.stringify([name, value])).toBe(ok);
		}
		both(taken);
	});
});
