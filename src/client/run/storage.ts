/**
 * localStorage behind a small interface that never throws: when storage is missing or refused
 * (private mode, disabled, sandboxed) the page keeps working from memory and says so; when it
 * is full a save reports "quota" and nothing already stored is touched.
 */
export type SaveResult = 'ok' | 'quota' | 'failed';

export interface KeyValueStore {
	readonly persistent: boolean;
	get(key: string): string | null;
	set(key: string, value: string): SaveResult;
	remove(key: string): void;
	keys(prefix: string): string[];
}

function memoryStore(): KeyValueStore {
	const data = new Map<string, string>();
	return {
		persistent: false,
		get: (key) => data.get(key) ?? null,
		set: (key, value) => (data.set(key, value), 'ok'),
		remove: (key) => void data.delete(key),
		keys: (prefix) => [...data.keys()].filter((k) => k.startsWith(prefix)),
	};
}

/** QuotaExceededError, and Firefox's older NS_ERROR_DOM_QUOTA_REACHED. */
function isQuotaError(error: unknown): boolean {
	return error instanceof DOMException && /quota/i.test(error.name);
}

export function openStore(): KeyValueStore {
	let ls: Storage;
	try {
		ls = window.localStorage;
		// The stand-in the page head installs where storage is blocked (see astro.config.mjs).
		if ((ls as Storage & { runsheetMemory?: boolean }).runsheetMemory) return memoryStore();
		const probe = 'runsheet:probe';
		ls.setItem(probe, '1');
		ls.removeItem(probe);
	} catch (error) {
		// A full store still reads: only a store we cannot use at all falls back to memory.
		if (!isQuotaError(error)) return memoryStore();
		ls = window.localStorage;
	}
	return {
		persistent: true,
		get: (key) => {
			try {
				return ls.getItem(key);
			} catch {
				return null;
			}
		},
		set: (key, value) => {
			try {
				ls.setItem(key, value);
				return 'ok';
			} catch (error) {
				return isQuotaError(error) ? 'quota' : 'failed';
			}
		},
		remove: (key) => {
			try {
				ls.removeItem(key);
			} catch {
				/* nothing to undo */
			}
		},
		keys: (prefix) => {
			try {
				const out: string[] = [];
				for (let i = 0; i < ls.length; i++) {
					const k = ls.key(i);
					if (k?.startsWith(prefix)) out.push(k);
				}
				return out;
			} catch {
				return [];
			}
		},
	};
}
