import { describe, expect, it } from 'vitest';
import { asides, runKey } from '../../../../src/client/run/run-store.ts';
import { RunSession } from '../../../../src/client/run/session.ts';
import type { KeyValueStore, SaveResult } from '../../../../src/client/run/storage.ts';
import { clock, mapStore } from '../../../support/map-store.ts';

/**
 * A store as localStorage is when full: a new key is refused, a value replaced by a shorter one
 * still fits (what made the next tick overwrite a corrupt run, issue 33 finding 8).
 */
function fullStore(data: Map<string, string>): KeyValueStore & { data: Map<string, string> } {
	const store = mapStore(data);
	return {
		...store,
		set: (key, value): SaveResult => {
			if (!data.has(key) || value.length > data.get(key)!.length) return 'quota';
			data.set(key, value);
			return 'ok';
		},
	};
}

describe('saved runs that cannot be read', () => {
	it('while storage is full: left as they are, said so, and never saved over (a tick says it was not saved)', () => {
		const corrupt = `{"v":2,"name":${'"x'.repeat(2000)}`;
		const store = fullStore(new Map([[runKey('full-store', 'default'), corrupt]]));
		const session = new RunSession('full-store', store, clock());
		expect(session.load()).toMatch(/^A saved run \("default"\) could not be read \(not valid JSON\); it was left as it is\.$/);
		expect(session.record([{ step: 'deploy', action: 'tick' }])).toBe('quota');
		expect(session.state.get('deploy')?.status).toBe('done');
		expect(store.data.get(runKey('full-store', 'default'))).toBe(corrupt);
		// Another run saves as storage allows (here: not at all, it is full).
		expect([...store.data.keys()]).toEqual([runKey('full-store', 'default')]);
	});

	it('with room to spare: kept aside, and listed for what of them can be recovered', () => {
		const store = mapStore(
			new Map([[runKey('aside-store', 'inc-1'), '{"v":2,"name":"INC-1","created":1,"updated":1,"events":[[8.64e16,"a","x"]]}']]),
		);
		const session = new RunSession('aside-store', store, clock());
		session.load('inc-1');
		const kept = [...store.data.keys()].filter((k) => k.startsWith('runsheet:aside:'));
		expect(kept).toHaveLength(1);
		expect(asides).toContain(kept[0]);
		expect(store.data.has(runKey('aside-store', 'inc-1'))).toBe(false);
	});
});
