import { Document, OutgoingMessage } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { carriesContent } from '../../../src/sync/messages.ts';

// Messages as Hocuspocus writes them (its own encoder), for a room with a long name.
const ROOM = 'k3J9x-Qm2pL7vR4tZ8wY1a';

describe("the sync server's size limit reads", () => {
	it('updates and sync replies as content, whatever their size', () => {
		const doc = new Y.Doc();
		doc.getArray('events').push(['x'.repeat(300)]);
		const update = Y.encodeStateAsUpdate(doc);
		expect(carriesContent(new OutgoingMessage(ROOM).createSyncMessage().writeUpdate(update).toUint8Array())).toBe(true);
		expect(carriesContent(new OutgoingMessage(ROOM).createSyncReplyMessage().writeUpdate(update).toUint8Array())).toBe(true);
		// A sync step 2: the same bytes but its step (1).
		const step2 = new OutgoingMessage(ROOM).createSyncMessage().writeUpdate(update).toUint8Array();
		step2[ROOM.length + 2] = 1;
		expect(carriesContent(step2)).toBe(true);
	});
	it('presence, queries and sync step 1 as no content: a full room still shows who is here', () => {
		const doc = new Document(ROOM);
		const awareness = new Awareness(doc);
		awareness.setLocalState({ by: 'IC', step: 'x'.repeat(200) });
		expect(carriesContent(new OutgoingMessage(ROOM).createAwarenessUpdateMessage(awareness).toUint8Array())).toBe(false);
		expect(carriesContent(new OutgoingMessage(ROOM).writeQueryAwareness().toUint8Array())).toBe(false);
		expect(carriesContent(new OutgoingMessage(ROOM).createSyncMessage().writeFirstSyncStepFor(doc).toUint8Array())).toBe(false);
	});
	it('junk as no content, without throwing (the server refuses it on its own)', () => {
		expect(carriesContent(new Uint8Array())).toBe(false);
		expect(carriesContent(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toBe(false);
		expect(carriesContent(Uint8Array.from([200, 1, 2]))).toBe(false);
	});
});
