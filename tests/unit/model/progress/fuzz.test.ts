import { describe, expect, it } from 'vitest';
import { checkEntries, isTime } from '../../../../src/model/progress/check.ts';
import { encodeRun } from '../../../../src/model/progress/codec.ts';
import { exportJson, importJson } from '../../../../src/model/progress/export.ts';
import { readRun } from '../../../../src/model/progress/read-run.ts';
import type { ProgressEvent, Run } from '../../../../src/model/progress/run.ts';
import { encodeShare, readShare, SHARE_PREFIX, type Snapshot } from '../../../../src/model/progress/share.ts';
import type { EntryRules } from '../../../../src/schema/progress.ts';
import { random } from '../../../support/random.ts';

/**
 * Issue 33's fuzz test of the two decoders a page takes input from: share links and JSON imports.
 * Random bytes, and valid links and exports mutated (bits flipped, cut short, numbers made huge,
 * NaN and Infinity written in, nesting made deep, strings made long). Seeded (the seed is in each
 * test's name) and bounded: 1,000 cases each. Whatever comes in, no exception escapes, and what is
 * read passes the check unchanged.
 */
const NOW = Date.UTC(2026, 11, 1, 2, 0, 0);
const STEPS = Array.from({ length: 40 }, (_, i) => `step-${i}`);
const rules: EntryRules = { now: NOW, steps: new Set(STEPS) };
const CASES = 1000;

type Rnd = () => number;
const int = (rnd: Rnd, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[int(rnd, xs.length)]!;

/** A run as a page would have it, with a few odd but valid things in it. */
function aRun(rnd: Rnd): Run {
	const events: ProgressEvent[] = Array.from({ length: int(rnd, 30) }, (_, i) => ({
		t: NOW - 3_600_000 + i * 1000 + int(rnd, 999),
		step: pick(rnd, STEPS),
		action: pick(rnd, ['tick', 'untick', 'na', 'clear'] as const),
		...(rnd() < 0.5 ? { by: pick(rnd, ['AB', 'CD', 'ÉÜ']) } : {}),
		...(rnd() < 0.3 ? { reason: pick(rnd, ['no CDN', 'n/a here', 'ok ✓']) } : {}),
	}));
	return {
		id: 'r',
		name: pick(rnd, ['Default run', 'INC-2291', 'Release “1.4”']),
		created: NOW - 7_200_000,
		updated: NOW - 60_000,
		events,
		...(rnd() < 0.5 ? { values: { DOMAIN: 'shop.example.org', VERSION: '2.4.1' } } : {}),
		...(rnd() < 0.5 ? { record: [{ t: NOW - 120_000, field: 'status', value: 'Partial\nCDN slow', by: 'AB' }] } : {}),
	};
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
	return new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream)).arrayBuffer());
}

/** One mutation of some bytes. */
function mutateBytes(rnd: Rnd, bytes: Uint8Array): Uint8Array {
	const b = [...bytes];
	switch (int(rnd, 6)) {
		case 0: // bits flipped
			for (let n = 1 + int(rnd, 8); n > 0 && b.length; n--) b[int(rnd, b.length)]! ^= 1 << int(rnd, 8);
			break;
		case 1: // cut short
			b.length = int(rnd, b.length + 1);
			break;
		case 2: // a number that never ends, or a huge one
			b.splice(int(rnd, b.length + 1), 0, ...Array.from({ length: 1 + int(rnd, 12) }, () => 0x80 | int(rnd, 0x80)), int(rnd, 0x80));
			break;
		case 3: // a long string: a length, then the bytes
			b.splice(int(rnd, b.length + 1), 0, 0xff, 0x7f, ...new Array(16383).fill(0x41));
			break;
		case 4: // random bytes in the middle
			b.splice(int(rnd, b.length + 1), int(rnd, 8), ...Array.from({ length: int(rnd, 32) }, () => int(rnd, 256)));
			break;
		default: // a layout byte and counts changed
			if (b.length) b[0] = int(rnd, 8);
			if (b.length > 1) b[1] = int(rnd, 3);
	}
	return Uint8Array.from(b);
}

/** What a page reads passes the check as it is: checked again, nothing is left out or changed. */
function expectChecked(snapshot: Snapshot): void {
	const again = checkEntries(snapshot, rules);
	expect(again.dropped).toBe(0);
	expect(again.events).toEqual(snapshot.events);
	expect(again.values).toEqual(snapshot.values);
	expect(again.record).toEqual(snapshot.record);
	expect(again.name).toBe(snapshot.name);
	if (snapshot.made !== undefined) expect(isTime(snapshot.made, rules)).toBe(true);
}

describe('fuzzing the decoders a page takes input from', () => {
	it('share links (seed 3301): random text, random bytes, and valid links mutated before and after packing', async () => {
		const rnd = random(3301);
		let read = 0;
		const started = Date.now();
		for (let i = 0; i < CASES; i++) {
			let fragment: string;
			const kind = int(rnd, 4);
			if (kind === 0) {
				// Random text after the prefix.
				const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=%!+/';
				fragment = SHARE_PREFIX + Array.from({ length: int(rnd, 300) }, () => pick(rnd, [...alphabet])).join('');
			} else if (kind === 1) {
				// Random bytes, packed as a link would be.
				const bytes = Uint8Array.from({ length: int(rnd, 400) }, () => int(rnd, 256));
				fragment = SHARE_PREFIX + Buffer.from(await pipe(bytes, new CompressionStream('deflate-raw'))).toString('base64url');
			} else {
				const valid = await encodeShare(aRun(rnd), STEPS, { by: 'AB', made: NOW - 1000 });
				if (kind === 2) {
					// The link's unpacked bytes mutated, packed again.
					const raw = await pipe(Buffer.from(valid.slice(SHARE_PREFIX.length), 'base64url'), new DecompressionStream('deflate-raw'));
					fragment =
						SHARE_PREFIX + Buffer.from(await pipe(mutateBytes(rnd, raw), new CompressionStream('deflate-raw'))).toString('base64url');
				} else {
					// The link's text mutated: characters changed, cut short.
					const chars = [...valid];
					for (let n = 1 + int(rnd, 4); n > 0; n--)
						chars[SHARE_PREFIX.length + int(rnd, chars.length - SHARE_PREFIX.length)] = pick(rnd, ['A', '_', '-', '0', '%', '=']);
					fragment = chars.slice(0, rnd() < 0.3 ? int(rnd, chars.length) : chars.length).join('');
				}
			}
			const result = await readShare(fragment, STEPS, rules);
			if (!result.ok) continue;
			read++;
			expectChecked(result.snapshot);
		}
		// Both ways came up: links that read (about one in fifteen: most mutations break a link), and links that did not.
		expect(read).toBeGreaterThan(CASES / 50);
		expect(read).toBeLessThan(CASES);
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	it('JSON imports (seed 3302): random text, and valid exports mutated in their text and in their data', () => {
		const rnd = random(3302);
		const started = Date.now();
		let read = 0;
		const odd = [
			'NaN',
			'Infinity',
			'-Infinity',
			'1e999',
			'-1e999',
			'8.64e16',
			'"NaN"',
			'null',
			'[]',
			'{}',
			`"${'x'.repeat(100_000)}"`,
			`${'['.repeat(5000)}${']'.repeat(5000)}`,
		];
		for (let i = 0; i < CASES; i++) {
			const valid = exportJson(aRun(rnd), { id: 'twiga-scan', version: '1.0.0' }, NOW);
			let text: string;
			switch (int(rnd, 5)) {
				case 0: // random printable text and JSON punctuation
					text = Array.from({ length: int(rnd, 200) }, () => pick(rnd, [...'{}[]":,0123456789.eE-+ abcnulltrue\\'])).join('');
					break;
				case 1: {
					// a number, a string or a value of the export replaced by something odd
					const at = [...valid.matchAll(/-?\d+(\.\d+)?|"[^"]*"|\[|\{/g)];
					const m = at[int(rnd, at.length)]!;
					text = valid.slice(0, m.index) + pick(rnd, odd) + valid.slice(m.index + m[0].length);
					break;
				}
				case 2: // cut short, or a character changed
					text =
						rnd() < 0.5
							? valid.slice(0, int(rnd, valid.length))
							: valid.replace(/./gs, (c) => (rnd() < 0.01 ? pick(rnd, ['"', '{', ']', '0', '\\']) : c));
					break;
				case 3: {
					// the run's data changed: a field of the stored run given another kind of value
					const data = JSON.parse(valid) as { run: Record<string, unknown> };
					const key = pick(rnd, ['name', 'created', 'updated', 'events', 'values', 'record', 'live', 'utc', 'v']);
					data.run[key] = pick(rnd, [
						null,
						8.64e16,
						-1,
						'garbage',
						[],
						{},
						[[8.64e16, 'step-1', 'x']],
						[{ t: 'garbage' }],
						{ A: 'a\nb' },
						'WlZgoWhhBRoyyrdTJ16dQQ',
						true,
						1,
					]);
					text = JSON.stringify(data);
					break;
				}
				default: {
					// events pushed in: junk, far times, unknown steps, long reasons
					const data = JSON.parse(valid) as { run: { events: unknown[] } };
					for (let n = int(rnd, 5); n >= 0; n--)
						data.run.events.push(
							pick(rnd, [
								[NOW + 86_400_000, 'step-1', 'x'],
								[1, 'elsewhere', 'x'],
								[1, 'step-1', 'z'],
								[1, 'step-2', 'n', 5, 'x'.repeat(1000)],
								'junk',
								{ t: 'garbage' },
								[],
								null,
							]),
						);
					text = JSON.stringify(data);
				}
			}
			let result!: ReturnType<typeof importJson>;
			expect(() => (result = importJson(text, 'copy', rules)), text.slice(0, 200)).not.toThrow();
			if (!result.ok) continue;
			read++;
			const { run } = result;
			expect(checkEntries(run, rules).dropped).toBe(0);
			expect('live' in run).toBe(false);
			expect(isTime(run.created, rules) && isTime(run.updated, rules)).toBe(true);
			// What was read reads again, as stored, unchanged.
			expect(readRun('copy', JSON.parse(encodeRun(run)), rules)).toEqual({ ok: true, migrated: false, run });
		}
		expect(read).toBeGreaterThan(CASES / 10);
		expect(read).toBeLessThan(CASES);
		expect(Date.now() - started).toBeLessThan(10_000);
	});
});
