import type { KeyValueStore, SaveResult } from '../../src/client/run/storage.ts';

/** A store as the KeyValueStore contract describes it, over a Map; `full` makes every save fail as a full localStorage does. */
export function mapStore(data = new Map<string, string>(), full = false): KeyValueStore & { data: Map<string, string> } {
	return {
		data,
		persistent: true,
		get: (key) => data.get(key) ?? null,
		set: (key, value): SaveResult => {
			if (full) return 'quota';
			data.set(key, value);
			return 'ok';
		},
		remove: (key) => void data.delete(key),
		keys: (prefix) => [...data.keys()].filter((k) => k.startsWith(prefix)),
	};
}

/** A clock for a run session: a second later at every reading. */
export const clock = (start = 1_700_000_000_000) => {
	let t = start;
	return () => (t += 1000);
};
