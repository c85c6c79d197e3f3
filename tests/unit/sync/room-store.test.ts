import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomStore } from '../../../src/sync/room-store.ts';

const file = () => join(mkdtempSync(join(tmpdir(), 'rooms-')), 'nested', 'rooms.sqlite');
const DAY = 86_400_000;

/** A run's document with these events, and the update that makes it. */
function run(...events: string[]): { doc: Y.Doc; update: Uint8Array } {
	const doc = new Y.Doc();
	doc.getArray('events').push(events);
	return { doc, update: Y.encodeStateAsUpdate(doc) };
}

const eventsIn = (update: Uint8Array | null) => {
	const doc = new Y.Doc();
	if (update) Y.applyUpdate(doc, update);
	return doc.getArray<string>('events').toArray().sort();
};

describe('the rooms on disk', () => {
	it('keep every change added, across opening the file again', () => {
		const path = file();
		const store = RoomStore.open(path);
		const { doc, update } = run('a');
		store.append('room-one-0123456789ab', update);
		doc.on('update', (u: Uint8Array) => store.append('room-one-0123456789ab', u));
		doc.getArray('events').push(['b', 'c']);
		store.close();
		const again = RoomStore.open(path);
		expect(eventsIn(again.load('room-one-0123456789ab'))).toEqual(['a', 'b', 'c']);
		expect(again.load('room-never-seen-012345')).toBeNull();
		again.close();
	});
	it('compact a room into one row, keeping what another instance added meanwhile', () => {
		const path = file();
		const mine = RoomStore.open(path);
		const theirs = RoomStore.open(path);
		const here = run('a', 'b');
		mine.append('room', here.update);
		theirs.append('room', run('z').update);
		mine.compact('room', here.update);
		expect(mine.list()).toMatchObject([{ room: 'room' }]);
		expect(eventsIn(theirs.load('room'))).toEqual(['a', 'b', 'z']);
		mine.close();
		theirs.close();
	});
	it('list rooms with their size and last change, and forget them by name or age', () => {
		const store = RoomStore.open(file());
		const now = Date.UTC(2026, 11, 6);
		store.append('old-room', run('a').update, now - 40 * DAY);
		store.append('new-room', run('b').update, now - DAY);
		store.append('new-room', run('c').update, now);
		expect(store.list().map((r) => [r.room, r.updated])).toEqual([
			['new-room', now],
			['old-room', now - 40 * DAY],
		]);
		expect(store.list()[0]!.bytes).toBeGreaterThan(0);
		expect(store.forgetUnchangedSince(now - 30 * DAY)).toBe(1);
		expect(store.forget(['new-room', 'no-such-room'])).toBe(1);
		expect(store.list()).toEqual([]);
		store.close();
	});
});
