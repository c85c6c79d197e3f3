/**
 * A run's record fields (the sheet's "Deployed by", "Status"...): written on the sign-off page,
 * kept with the run as a log, so who wrote what and when stays in the audit trail. Apart from the
 * run model so that runbook pages, which only carry a record through, do not load it.
 */
import { NOT_IN_LINES, RUN_LIMITS } from '../../schema/run-limits.ts';
import type { ProgressEvent, RecordEntry, Run } from './run.ts';

const CONTROLS = new RegExp(`${NOT_IN_LINES.source}+`, 'g');

/** A record field as typed: its lines kept, any other control character a space, at most 2,000 characters. */
export function cleanRecordValue(input: string): string {
	return input.replace(CONTROLS, ' ').slice(0, RUN_LIMITS.recordValue).trim();
}

/** Each record field's current entry (the last one written), leaving out fields cleared since. */
export function currentRecord(entries: readonly RecordEntry[] | undefined): Map<string, RecordEntry> {
	const current = new Map<string, RecordEntry>();
	for (const entry of entries ?? []) {
		if (entry.value) current.set(entry.field, entry);
		else current.delete(entry.field);
	}
	return current;
}

/** Writes a record field (a log entry: the old value stays in the audit trail). */
export function setRecord(run: Run, entry: RecordEntry): Run {
	if ((currentRecord(run.record).get(entry.field)?.value ?? '') === entry.value) return run;
	return { ...run, record: [...(run.record ?? []), entry], updated: Math.max(run.updated, entry.t) };
}

/** The initials that ticked most of the run (the operator), if anyone gave them. */
export function operatorOf(events: readonly ProgressEvent[]): string | undefined {
	const counts = new Map<string, number>();
	for (const e of events) if (e.by) counts.set(e.by, (counts.get(e.by) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
