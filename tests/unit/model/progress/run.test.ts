import { describe, expect, it } from 'vitest';
import { decodeRun, encodeRun, FORMAT_VERSION } from '../../../../src/model/progress/codec.ts';
import { exportJson, exportMarkdown, importJson } from '../../../../src/model/progress/export.ts';
import { cleanInitials, findRun, runIdFor } from '../../../../src/model/progress/run-names.ts';
import { currentRecord, operatorOf, setRecord } from '../../../../src/model/progress/record.ts';
import { deriveState, newRun, record, type Run } from '../../../../src/model/progress/run.ts';
import { ago, countText, isFinished, mixedState, tally } from '../../../../src/model/progress/summary.ts';

const T = Date.UTC(2026, 10, 22, 3, 0, 0);
const run = (events: Run['events']): Run => ({ ...newRun('r', 'Release 1.4.0', T), events, updated: T });

describe('the run model', () => {
	it('derives done / N/A from the event log; the last event for a step wins', () => {
		const state = deriveState([
			{ t: T, step: 'a', action: 'tick', by: 'AB' },
			{ t: T + 1, step: 'b', action: 'na', reason: 'no CDN' },
			{ t: T + 2, step: 'a', action: 'untick' },
			{ t: T + 3, step: 'c', action: 'tick' },
			{ t: T + 4, step: 'b', action: 'clear' },
			{ t: T + 5, step: 'a', action: 'tick', by: 'CD' },
		]);
		expect([...state]).toEqual([
			['c', { status: 'done', t: T + 3 }],
			['a', { status: 'done', t: T + 5, by: 'CD' }],
		]);
	});
	it('keys on step ids only: steps unknown to the page are simply not shown', () => {
		expect(
			tally(
				['a', 'b'],
				deriveState([
					{ t: T, step: 'gone', action: 'tick' },
					{ t: T, step: 'a', action: 'tick' },
				]),
			),
		).toEqual({ done: 1, na: 0, total: 2 });
	});
	it('records events and last activity', () => {
		const r = record(run([]), [{ t: T + 60_000, step: 'a', action: 'tick' }]);
		expect(r.updated).toBe(T + 60_000);
		expect(r.events).toHaveLength(1);
	});
	it('makes unique run ids and finds runs by name or id, ignoring case', () => {
		expect(runIdFor('INC-2291', [])).toBe('inc-2291');
		expect(runIdFor('Release 1.4.0', ['release-1-4-0'])).toBe('release-1-4-0-2');
		expect(runIdFor('✓✓', [])).toBe('run');
		const runs = [{ ...run([]), id: 'inc-2291', name: 'INC-2291' }];
		expect(findRun(runs, 'inc-2291')?.name).toBe('INC-2291');
		expect(findRun(runs, ' INC-2291 ')?.id).toBe('inc-2291');
		expect(findRun(runs, 'INC-1')).toBeUndefined();
	});
	it('cleans initials', () => expect(cleanInitials(' a.b-c d e ')).toBe('ABCD'));
	it('summarises parents and sections', () => {
		const s = deriveState([
			{ t: T, step: 'a', action: 'tick' },
			{ t: T, step: 'b', action: 'na' },
		]);
		expect(mixedState(tally(['a', 'b'], s))).toBe('all');
		expect(mixedState(tally(['a', 'c'], s))).toBe('some');
		expect(mixedState(tally(['c'], s))).toBe('none');
		expect(isFinished(tally([], s))).toBe(false);
		expect(ago(T - 3 * 3_600_000, T)).toBe('3 h ago');
	});
});

describe('stored format', () => {
	it('round-trips a run compactly', () => {
		const r = run([
			{ t: T, step: 'a', action: 'tick', by: 'AB' },
			{ t: T + 1, step: 'b', action: 'na', reason: 'no CDN' },
			{ t: T + 2, step: 'a', action: 'untick' },
		]);
		const text = encodeRun(r);
		expect(JSON.parse(text).events).toEqual([
			[T, 'a', 'x', 'AB'],
			[T + 1, 'b', 'n', '', 'no CDN'],
			[T + 2, 'a', 'o'],
		]);
		expect(decodeRun('r', text)).toEqual({ ok: true, migrated: false, run: r });
	});
	it('migrates the v1 format forward', () => {
		const decoded = decodeRun('old', JSON.stringify({ v: 1, name: 'Old', checked: { b: T + 5, a: T } }));
		expect(decoded.ok && decoded.migrated).toBe(true);
		expect(decoded.ok && decoded.run.events).toEqual([
			{ t: T, step: 'a', action: 'tick' },
			{ t: T + 5, step: 'b', action: 'tick' },
		]);
		expect(FORMAT_VERSION).toBe(2);
	});
	it('reports what it cannot read instead of guessing', () => {
		expect(decodeRun('x', '{oops')).toEqual({ ok: false, reason: 'not valid JSON' });
		expect(decodeRun('x', '[]')).toEqual({ ok: false, reason: 'not a Runsheet run' });
		expect(decodeRun('x', '{"v":3}')).toEqual({ ok: false, reason: 'written by a newer Runsheet (format 3)' });
		expect(decodeRun('x', '{"v":0}')).toEqual({ ok: false, reason: 'format 0 is unknown' });
		expect(decodeRun('x', '{"v":2,"name":"n","created":1,"updated":1,"events":[[1,"a","?"]]}')).toEqual({
			ok: false,
			reason: 'an event is malformed',
		});
	});
});

describe('export and import', () => {
	const r = run([
		{ t: T, step: 'deploy', action: 'tick', by: 'AB' },
		{ t: T + 61_000, step: 'cdn', action: 'na', reason: 'no | CDN' },
	]);
	it('exports JSON that imports back as a new run', () => {
		const text = exportJson(r, { id: 'twiga-scan', version: '1.0.0' }, T);
		const back = importJson(text, 'copy');
		expect(back).toEqual({ ok: true, runbook: 'twiga-scan', run: { ...r, id: 'copy' } });
		expect(importJson('{}', 'x')).toEqual({ ok: false, reason: 'the file is not a Runsheet run export' });
		expect(importJson('nope', 'x')).toEqual({ ok: false, reason: 'the file is not JSON' });
	});
	it('leaves a live run’s room out of the export: whoever gets the file does not get into the run', () => {
		const text = exportJson({ ...r, live: 'WlZgoWhhBRoyyrdTJ16dQQ' }, { id: 'twiga-scan' }, T);
		expect(text).not.toContain('WlZgoWhhBRoyyrdTJ16dQQ');
		expect(importJson(text, 'copy')).toEqual({ ok: true, runbook: 'twiga-scan', run: { ...r, id: 'copy' } });
	});
	it('exports a Markdown timeline with text escaped for tables, times in ISO 8601 with their offset', () => {
		const md = exportMarkdown(
			{ ...r, utc: true },
			{ title: 'Twiga', url: 'https://runsheet.example/runbooks/twiga-scan/' },
			(id) => (id === 'deploy' ? 'Deploy *services*' : id),
			{ done: 1, na: 1, total: 10 },
		);
		expect(md).toContain('# Twiga: Release 1.4.0');
		expect(md).toContain('- Progress: 1/10 done · 1 N/A');
		expect(md).toContain('| 2026-11-22T03:00:00Z | Deploy \\*services\\* | done | AB |  |');
		expect(md).toContain('| 2026-11-22T03:01:01Z | cdn | marked N/A |  | no \\| CDN |');
	});
	it('exports the record fields as last written, with who and when, and keeps the whole record log in JSON', () => {
		let withRecord = setRecord({ ...r, utc: true }, { t: T + 120_000, field: 'status', value: 'Partial', by: 'AB' });
		withRecord = setRecord(withRecord, { t: T + 180_000, field: 'status', value: 'Successful', by: 'CD' });
		withRecord = setRecord(withRecord, { t: T + 190_000, field: 'notes', value: 'x' });
		withRecord = setRecord(withRecord, { t: T + 200_000, field: 'notes', value: '' });
		expect([...currentRecord(withRecord.record).values()]).toEqual([{ t: T + 180_000, field: 'status', value: 'Successful', by: 'CD' }]);
		const md = exportMarkdown(
			withRecord,
			{ title: 'Twiga', url: 'https://x/' },
			(id) => id,
			{ done: 1, na: 1, total: 10 },
			(id) => (id === 'status' ? 'Status' : id),
		);
		expect(md).toContain('- Status: Successful (CD, 2026-11-22T03:03:00Z)');
		expect(md).not.toContain('notes');
		const back = importJson(exportJson(withRecord, { id: 'twiga-scan' }, T), 'copy');
		expect(back.ok && back.run.record).toEqual(withRecord.record);
		expect(back.ok && back.run.utc).toBe(true);
		// The operator is whoever ticked most.
		expect(operatorOf([...r.events, { t: T, step: 'x', action: 'tick', by: 'CD' }, { t: T, step: 'y', action: 'tick', by: 'CD' }])).toBe(
			'CD',
		);
		expect(operatorOf([{ t: T, step: 'x', action: 'tick' }])).toBeUndefined();
		// Writing what a field already says adds nothing to the log.
		expect(setRecord(withRecord, { t: T + 300_000, field: 'status', value: 'Successful' })).toBe(withRecord);
	});
});

describe('stored runs', () => {
	it('carry the record and the UTC setting through a page that only ticks', () => {
		const written: Run = { ...newRun('r', 'R', T), record: [{ t: T, field: 'status', value: 'Successful', by: 'AB' }], utc: true };
		const decoded = decodeRun('r', encodeRun(written));
		expect(decoded.ok && decoded.run).toEqual(written);
		const ticked = record(decoded.ok ? decoded.run : written, [{ t: T + 1000, step: 's', action: 'tick' }]);
		const again = decodeRun('r', encodeRun(ticked));
		expect(again.ok && again.run.record).toEqual(written.record);
		expect(again.ok && again.run.utc).toBe(true);
	});
});

describe('the count', () => {
	it('is written one way everywhere: done of all, N/A beside it only when there is some', () => {
		expect(countText({ done: 8, na: 1, total: 113 })).toBe('8/113 done · 1 N/A');
		expect(countText({ done: 0, na: 0, total: 9 })).toBe('0/9 done');
		expect(countText({ done: 0, na: 9, total: 9 })).toBe('0/9 done · 9 N/A');
	});
});
