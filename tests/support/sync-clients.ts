import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';

/**
 * Clients of the sync server for tests that run in Node: a page's client (Hocuspocus's provider,
 * as src/client/run/live.ts uses it, over Node's WebSocket), and a raw socket that says and sends
 * what no browser would.
 */

export interface RoomClient {
	doc: Y.Doc;
	provider: HocuspocusProvider;
	/** Resolves once in step with the server. */
	synced: Promise<void>;
	/** Resolves with the server's reason when it turns the client away. */
	refused: Promise<string>;
	/** Resolves once the server has acknowledged every change made so far. */
	acknowledged(): Promise<void>;
	close(): void;
}

export function joinRoom(url: string, room: string, token: string | null): RoomClient {
	const doc = new Y.Doc();
	// No retries: a test sees a refusal as it is.
	const socket = new HocuspocusProviderWebsocket({ url, maxAttempts: 1, delay: 100, minDelay: 100 });
	const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc, token });
	const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
	const refused = new Promise<string>((resolve) =>
		provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)),
	);
	provider.attach();
	return {
		doc,
		provider,
		synced,
		refused,
		acknowledged: () =>
			new Promise<void>((resolve) => {
				if (!provider.hasUnsyncedChanges) return resolve();
				const check = () => {
					if (provider.hasUnsyncedChanges) return;
					provider.off('unsyncedChanges', check);
					resolve();
				};
				provider.on('unsyncedChanges', check);
			}),
		close: () => {
			provider.destroy();
			socket.destroy();
			doc.destroy();
		},
	};
}

/** What a live run's document holds, as the page writes it (src/client/run/live.ts), with `n` events. */
export function writeRun(doc: Y.Doc, n: number, by = 'IC'): void {
	doc.transact(() => {
		doc.getMap('meta').set('name', 'INC-2291');
		const start = Date.UTC(2026, 11, 1, 3, 0);
		doc.getArray('events').push(Array.from({ length: n }, (_, i) => [`step-${i % 40}`, start + i * 1000, i % 7 ? 'done' : 'undone', by]));
		doc.getMap('values').set('INCIDENT', 'INC-2291');
	});
}

export const eventsOf = (doc: Y.Doc) => doc.getArray('events').toArray();

/** A room name as the run page makes them (22 base64url characters). */
export const newRoom = () => randomBytes(16).toString('base64url');

/** A WebSocket opened by hand: the handshake's status, and the socket to write frames on. */
export async function rawSocket(port: number, headers: Record<string, string> = {}): Promise<{ status: number; socket: Socket }> {
	const socket = connect(port, '127.0.0.1');
	socket.on('error', () => {});
	const lines = {
		Host: `127.0.0.1:${port}`,
		Upgrade: 'websocket',
		Connection: 'Upgrade',
		'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
		'Sec-WebSocket-Version': '13',
		...headers,
	};
	socket.write(
		`GET / HTTP/1.1\r\n${Object.entries(lines)
			.map(([k, v]) => `${k}: ${v}\r\n`)
			.join('')}\r\n`,
	);
	let head = '';
	await new Promise<void>((resolve) => {
		const read = (chunk: Buffer) => {
			head += chunk.toString('latin1');
			if (!head.includes('\r\n\r\n')) return;
			socket.off('data', read);
			resolve();
		};
		socket.on('data', read);
		socket.once('close', () => resolve());
	});
	return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), socket };
}

/** A client frame's header (masked, as clients must) announcing `length` bytes of a binary message. */
export function frameHeader(length: number): Buffer {
	const mask = randomBytes(4);
	if (length < 126) return Buffer.concat([Buffer.from([0x82, 0x80 | length]), mask]);
	if (length < 65536) return Buffer.concat([Buffer.from([0x82, 0x80 | 126, length >> 8, length & 255]), mask]);
	const size = Buffer.alloc(8);
	size.writeBigUInt64BE(BigInt(length));
	return Buffer.concat([Buffer.from([0x82, 0x80 | 127]), size, mask]);
}

/** A whole client frame carrying `payload` (masked). */
export function frame(payload: Uint8Array): Buffer {
	const header = frameHeader(payload.length);
	const mask = header.subarray(header.length - 4);
	const masked = Buffer.from(payload);
	for (let i = 0; i < masked.length; i++) masked[i]! ^= mask[i & 3]!;
	return Buffer.concat([header, masked]);
}

/** Resolves true when the socket is closed within `ms`. */
export const closedWithin = (socket: Socket, ms: number) =>
	new Promise<boolean>((resolve) => {
		if (socket.destroyed) return resolve(true);
		const timer = setTimeout(() => resolve(false), ms);
		socket.once('close', () => {
			clearTimeout(timer);
			resolve(true);
		});
	});

/** A seeded random source (mulberry32): the same junk every run. */
export function seeded(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
