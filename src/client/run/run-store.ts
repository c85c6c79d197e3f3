import { decodeRun, encodeRun } from '../../model/progress/codec.ts';
import type { Run } from '../../model/progress/run.ts';
import type { KeyValueStore, SaveResult } from './storage.ts';

/**
 * Where runs live: one key per run, `runsheet:run:<runbook>:<run>`, so saving a tick rewrites one
 * run only and a bad value spoils nothing else. Unreadable values are moved aside, never deleted.
 */
export const runPrefix = (runbook: string) => `runsheet:run:${runbook}:`;
export const runKey = (runbook: string, run: string) => runPrefix(runbook) + run;
const currentKey = (runbook: string) => `runsheet:current:${runbook}`;
export const OPERATOR_KEY = 'runsheet:operator';
/** Set once the first tick's question for the initials was answered or skipped (questions.ts): it is asked once. */
export const ASKED_KEY = 'runsheet:operator-asked';

export interface LoadedRuns {
	runs: Run[];
	/** What could not be read and where it was kept. */
	problems: string[];
}

/** Where this page kept aside the saved runs it could not read, for what of them can be recovered (run-actions.ts). */
export const asides: string[] = [];
/** Saved runs this page could not read nor keep aside (storage is full): nothing is ever saved over them. */
const held = new Set<string>();

/**
 * One run, or why it could not be read (the value is then moved aside, or where storage is too full
 * for that, left as it is and never saved over). Absent: neither.
 */
export function loadRun(store: KeyValueStore, runbook: string, id: string, now: number): { run?: Run; problem?: string } {
	const key = runKey(runbook, id);
	const text = store.get(key);
	if (text === null) return {};
	const decoded = decodeRun(id, text);
	if (decoded.ok) {
		if (decoded.migrated) store.set(key, encodeRun(decoded.run));
		return { run: decoded.run };
	}
	const aside = `runsheet:aside:${now}:${key}`;
	const kept = store.set(aside, text) === 'ok';
	if (kept) {
		store.remove(key);
		asides.push(aside);
	} else held.add(key);
	return {
		problem: `A saved run ("${id}") could not be read (${decoded.reason}); ${kept ? `it was kept aside as "${aside}"` : 'it was left as it is'}.`,
	};
}

export function loadRuns(store: KeyValueStore, runbook: string, now: number): LoadedRuns {
	const runs: Run[] = [];
	const problems: string[] = [];
	for (const key of store.keys(runPrefix(runbook))) {
		const { run, problem } = loadRun(store, runbook, key.slice(runPrefix(runbook).length), now);
		if (run) runs.push(run);
		if (problem) problems.push(problem);
	}
	runs.sort((a, b) => b.updated - a.updated);
	return { runs, problems };
}

export function saveRun(store: KeyValueStore, runbook: string, run: Run): SaveResult {
	const key = runKey(runbook, run.id);
	if (held.has(key)) return 'quota';
	try {
		return store.set(key, encodeRun(run));
	} catch {
		// A run read back with fields this page does not know is written back with them: nested past
		// what JSON.stringify can follow, they cannot be (storage was tampered with), and nothing is.
		return 'failed';
	}
}

export function deleteRun(store: KeyValueStore, runbook: string, id: string): void {
	store.remove(runKey(runbook, id));
}

export function currentRunId(store: KeyValueStore, runbook: string): string | null {
	return store.get(currentKey(runbook));
}

export function setCurrentRunId(store: KeyValueStore, runbook: string, id: string): void {
	store.set(currentKey(runbook), id);
}
