import { describe, expect, it } from 'vitest';
import { resolve } from '../../../../src/client/variables/fill.ts';
import { decodeRun, encodeRun } from '../../../../src/model/progress/codec.ts';
import { exportJson, importJson } from '../../../../src/model/progress/export.ts';
import { readRun } from '../../../../src/model/progress/read-run.ts';
import { newRun, type Run } from '../../../../src/model/progress/run.ts';
import { encodeShare, readShare, SHARE_PREFIX } from '../../../../src/model/progress/share.ts';
import type { EntryRules } from '../../../../src/schema/progress.ts';

/**
 * Issue 33, findings 6 and 7: what a share link, a JSON file or a saved run carries is checked
 * before a page takes it (src/model/progress/check.ts does the checking; these are its callers).
 */
const NOW = Date.UTC(2026, 11, 1, 2, 0, 0);
const STEPS = ['deploy', 'smoke-test', 'drain'];
const rules: EntryRules = { now: NOW, steps: new Set(STEPS) };
const T = NOW - 3_600_000;
const run = (extra: Partial<Run> = {}): Run => ({ ...newRun('r', 'Release 1.4', T), updated: T + 2000, ...extra });
const exported = (stored: unknown) => JSON.stringify({ format: 'runsheet-run', runbook: 'twiga-scan', exported: '', run: stored });

describe('a share link', () => {
	it('with a value holding a newline: the value is not taken, and that is counted', async () => {
		const fragment = await encodeShare(
			run({ events: [{ t: T, step: 'deploy', action: 'tick' }], values: { VERSION: '2.4.1\nrm -rf ~/important', DOMAIN: 'x.org' } }),
			STEPS,
		);
		const read = await readShare(fragment, STEPS, rules);
		expect(read.ok && read.snapshot.values).toEqual({ DOMAIN: 'x.org' });
		expect(read.ok && read.dropped).toBe(1);
	});

	it('with an event at 8.64e16 ms, on a step the runbook lacks, or past the runbook’s steps: left out and counted', async () => {
		const events = [
			{ t: T, step: 'deploy', action: 'tick' as const },
			{ t: 8.64e16, step: 'drain', action: 'tick' as const },
			{ t: T + 1000, step: 'not-here', action: 'tick' as const },
		];
		const read = await readShare(await encodeShare(run({ events }), [...STEPS, 'not-here']), STEPS, rules);
		expect(read.ok && read.snapshot.events).toEqual([{ t: T, step: 'deploy', action: 'tick' }]);
		expect(read.ok && read.dropped).toBe(2);
		// A tomorrow (a clock far ahead) is not a time a link can carry either.
		const ahead = await readShare(await encodeShare(run({ events: [{ ...events[0]!, t: NOW + 86_400_000 }] }), STEPS), STEPS, rules);
		expect(ahead.ok && [ahead.snapshot.events, ahead.dropped]).toEqual([[], 1]);
	});

	it('whose maker’s initials or date are not valid: shown without them, counted', async () => {
		const fragment = await encodeShare(run(), STEPS, { by: 'ab\ncd', made: 8.64e16 });
		const read = await readShare(fragment, STEPS, rules);
		expect(read.ok && [read.snapshot.by, read.snapshot.made, read.dropped]).toEqual([undefined, undefined, 2]);
	});

	it('that is not one, too long, or unpacks to more than any run: read as nothing, never thrown', async () => {
		for (const fragment of ['share=!!!!', 'share=', 'step-id', `share=${'A'.repeat(200_000)}`])
			expect((await readShare(fragment, STEPS, rules)).ok, fragment.slice(0, 20)).toBe(false);
		// Two megabytes of zeros packed into a few kilobytes: a link, and a bomb.
		const bomb = new Uint8Array(
			await new Response(new Blob([new Uint8Array(2 << 20)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer(),
		);
		const read = await readShare(SHARE_PREFIX + Buffer.from(bomb).toString('base64url'), STEPS, rules);
		expect(read).toEqual({ ok: false, reason: 'too big for a share link' });
	});

	it('whose numbers never end (every byte saying “more”): refused at once, not read forever', async () => {
		const endless = new Uint8Array(4096).fill(0x80);
		const packed = new Uint8Array(
			await new Response(
				new Blob([Uint8Array.from([4, 0, 3, 65, 66, 67, ...endless])]).stream().pipeThrough(new CompressionStream('deflate-raw')),
			).arrayBuffer(),
		);
		const read = await readShare(SHARE_PREFIX + Buffer.from(packed).toString('base64url'), STEPS, rules);
		expect(read).toEqual({ ok: false, reason: 'a number too long' });
	});
});

describe('a JSON file', () => {
	const good = [T, 'deploy', 'x', 'AB'];
	it('with an event at 8.64e16 ms and junk events: imported without them, the count said', () => {
		const text = exported({
			v: 2,
			name: 'From CD',
			created: T,
			updated: 8.64e16,
			events: [
				good,
				[8.64e16, 'drain', 'x'],
				{ t: 'garbage' },
				['garbage', 'deploy', 'x'],
				[T, 'deploy', '?'],
				[T, 'elsewhere', 'x'],
				null,
			],
		});
		const result = importJson(text, 'copy', rules);
		expect(result.ok && result.run.events).toEqual([{ t: T, step: 'deploy', action: 'tick', by: 'AB' }]);
		// Six events, and its last activity (repaired to its last valid time).
		expect(result.ok && [result.dropped, result.run.updated]).toEqual([7, T]);
	});

	it('that names a live run’s room: imported without it (a file never joins anyone’s run), and the reader is told', () => {
		const text = exported({ v: 2, name: 'Live', created: T, updated: T, events: [good], live: 'WlZgoWhhBRoyyrdTJ16dQQ' });
		const result = importJson(text, 'copy', rules);
		expect(result.ok && 'live' in result.run).toBe(false);
		expect(result.ok && result.live).toBe(true);
	});

	it('nested ten thousand levels deep, or holding numbers JSON turns into Infinity: refused or cleaned, never thrown', () => {
		const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
		expect(() => importJson(exported(undefined).replace('}', `,"run":${deep}}`), 'x', rules)).not.toThrow();
		expect(
			importJson(
				`{"format":"runsheet-run","runbook":"r","run":{"v":2,"name":"n","created":1,"updated":1,"events":${deep},"x":${deep}}}`,
				'x',
				rules,
			),
		).toMatchObject({ ok: true });
		const huge = importJson(
			exported({ v: 2, name: 'n', created: T, updated: T, events: [] }).replace(`"created":${T}`, '"created":1e999'),
			'x',
			rules,
		);
		expect(huge.ok && [huge.run.created, huge.dropped]).toEqual([NOW, 1]);
	});

	it('that is sound comes in as it went out, and reads the same again', () => {
		const r = run({ events: [{ t: T, step: 'deploy', action: 'tick', by: 'AB' }], values: { DOMAIN: 'x.org' }, utc: true });
		const once = importJson(exportJson(r, { id: 'twiga-scan' }, NOW), 'copy', rules);
		expect(once).toEqual({ ok: true, runbook: 'twiga-scan', run: { ...r, id: 'copy' } });
		expect(readRun('copy', JSON.parse(encodeRun(once.ok ? once.run : r)), rules)).toEqual({
			ok: true,
			migrated: false,
			run: { ...r, id: 'copy' },
		});
	});
});

describe('a saved run, read back', () => {
	it('as the page starts: a time no date holds makes the run unreadable (kept aside, never shown)', () => {
		const stored = (events: unknown[]) => JSON.stringify({ v: 2, name: 'n', created: T, updated: T, events });
		expect(decodeRun('r', stored([[8.64e16, 'deploy', 'x']]))).toEqual({ ok: false, reason: 'an event is malformed' });
		expect(decodeRun('r', stored([['1700000000000', 'deploy', 'x']]))).toEqual({ ok: false, reason: 'an event is malformed' });
		expect(decodeRun('r', JSON.stringify({ v: 2, name: 'n', created: T, updated: T, events: [], record: [null] }))).toEqual({
			ok: false,
			reason: 'the record is malformed',
		});
		expect(decodeRun('r', JSON.stringify({ v: 2, name: 'n', created: T, updated: T, events: [], record: 'x' }))).toMatchObject({
			ok: false,
		});
	});

	it('from the copy kept aside: what is valid comes back, the rest is counted; no clock applies (the times were this browser’s)', () => {
		const later = NOW + 86_400_000;
		const read = readRun(
			'r',
			{
				v: 2,
				name: 'Release',
				created: T,
				updated: T,
				events: [
					[T, 'deploy', 'x'],
					[8.64e16, 'drain', 'x'],
					[later, 'drain', 'x'],
				],
				future: { kept: true },
			},
			{},
		);
		expect(read).toEqual({
			ok: true,
			migrated: false,
			dropped: 1,
			run: {
				id: 'r',
				name: 'Release',
				created: T,
				updated: T,
				events: [
					{ t: T, step: 'deploy', action: 'tick' },
					{ t: later, step: 'drain', action: 'tick' },
				],
				future: { kept: true },
			},
		});
	});
});

describe('a value in force', () => {
	it('that typing could not give is never used: it stands as not valid, and a command keeps its placeholder', () => {
		expect(resolve({ name: 'TAG', secret: false }, 'v1\nrm -rf ~/important')).toEqual({ state: 'invalid' });
		expect(resolve({ name: 'TAG', secret: false }, 'v1')).toEqual({ value: 'v1', state: 'ok' });
	});
});
