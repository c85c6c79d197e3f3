import type { IncomingMessage, ServerResponse } from 'node:http';
import { Database } from '@hocuspocus/extension-database';
import { Server, type Extension, type afterLoadDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { carriesContent } from './messages.ts';
import { ISSUED_TOKEN_MINUTES, type SyncOptions } from './options.ts';
import { originAllowed } from './origins.ts';
import { cleanPresence } from './presence.ts';
import { RoomStore } from './room-store.ts';
import { checkToken, signToken } from './tokens.ts';

/**
 * Runsheet's sync server: Hocuspocus (a maintained Yjs server) with what a team needs around it.
 * Each check is one extension below; Hocuspocus runs them by priority, highest first.
 *
 * - the guard: pages from other sites are refused at the handshake, a room is joined only with a
 *   valid token (when the server has a secret) and a room name as the run page makes them, and
 *   presence carries initials and a step id, nothing else;
 * - size: a frame larger than `maxBytes` is refused by the WebSocket layer (that connection is
 *   closed, the process goes on), and so is a change that would grow a room past it;
 * - persistence: every change is in the SQLite file before the server answers it (room-store.ts);
 * - Redis, when named: instances that share it share their rooms.
 *
 * A room leaves memory when its last page leaves (Hocuspocus unloads it once stored). Every
 * failure of one message or one connection closes that connection, never the process.
 *
 * Self-contained (Node, yjs and Hocuspocus only), so the container copies this folder alone.
 */

/** Room names as the run page makes them: 128 random bits in base64url (22 characters), within the page's own check. */
const ROOM = /^[\w-]{16,64}$/;

/** Why a connection or a message is refused. Hocuspocus sends `reason` to the page, and logs nothing for an error without a message. */
class Refusal {
	readonly reason: string;
	readonly code: number;

	constructor(reason: string, code = 4403) {
		this.reason = reason;
		this.code = code;
	}
}

/** Hocuspocus stops a request's hooks, silently, on a rejection without an error: the response was written here. */
const handled = () => Promise.reject<never>(undefined);

function guard(options: SyncOptions): Extension {
	const { secret, origins } = options;
	return {
		extensionName: 'runsheet-guard',
		priority: 2000,
		async onUpgrade({ request, socket }) {
			if (originAllowed(request.headers.origin, request.headers.host, origins)) return;
			socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
			return handled();
		},
		async onRequest({ request, response }) {
			answer(request, response, options);
			return handled();
		},
		async onAuthenticate({ documentName, token }) {
			if (!ROOM.test(documentName)) throw new Refusal('room-name');
			if (!secret) return;
			const check = checkToken(secret, token);
			if (check !== 'ok') throw new Refusal(check, 4401);
		},
		async beforeHandleAwareness({ states }) {
			for (const [client, state] of states) states.set(client, { ...cleanPresence(state) });
		},
	};
}

/** Plain HTTP: `/` says what answers (a health check), `/token` hands out a token when the server is told to. */
function answer(request: IncomingMessage, response: ServerResponse, options: SyncOptions): void {
	const path = new URL(request.url ?? '/', 'http://x').pathname;
	const { origin, host } = request.headers;
	const allowed = originAllowed(origin, host, options.origins);
	// A page of an allowed site, on another host or port, reads the answer (its status too) with its cookies.
	const headers: Record<string, string> = { Vary: 'Origin', 'Cache-Control': 'no-store' };
	if (origin && allowed) Object.assign(headers, { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' });
	if (request.method !== 'GET' && request.method !== 'HEAD') response.writeHead(405, { ...headers, Allow: 'GET' }).end();
	else if (path === '/') response.writeHead(200, { ...headers, 'Content-Type': 'text/plain' }).end('Runsheet sync server\n');
	else if (path !== '/token' || !options.issueTokens || !options.secret) response.writeHead(404, headers).end();
	else if (!allowed) response.writeHead(403, headers).end();
	else {
		const expires = new Date(Date.now() + ISSUED_TOKEN_MINUTES * 60_000);
		response.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
		response.end(JSON.stringify({ token: signToken(options.secret, expires), expires: expires.toISOString() }));
	}
}

function roomSize(maxBytes: number): Extension {
	// What each loaded room holds, about: counted up with each change, measured when it nears the limit.
	const sizes = new WeakMap<Y.Doc, number>();
	return {
		extensionName: 'runsheet-room-size',
		async afterLoadDocument({ document }: afterLoadDocumentPayload) {
			sizes.set(document, Y.encodeStateAsUpdate(document).byteLength);
			document.on('update', (update: Uint8Array) => sizes.set(document, (sizes.get(document) ?? 0) + update.byteLength));
		},
		async beforeHandleMessage({ document, update }) {
			if (!carriesContent(update)) return;
			if ((sizes.get(document) ?? 0) + update.byteLength <= maxBytes) return;
			const size = Y.encodeStateAsUpdate(document).byteLength;
			sizes.set(document, size);
			if (size + update.byteLength > maxBytes) throw new Refusal('room-full', 1009);
		},
	};
}

/** Loads a room from the file, adds each change as it happens, and merges the room's rows when it pauses or empties. */
class Persistence extends Database {
	// Before Redis's lock (priority 1000): each instance keeps its rows complete, merged never overwritten.
	priority = 1100;
	extensionName = 'runsheet-persistence';

	private readonly rooms: RoomStore;

	constructor(rooms: RoomStore) {
		super({
			fetch: async ({ documentName }) => rooms.load(documentName),
			store: async ({ documentName, state }) => rooms.compact(documentName, state),
		});
		this.rooms = rooms;
	}

	async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
		document.on('update', (update: Uint8Array) => {
			try {
				this.rooms.append(documentName, update);
			} catch (error) {
				// The change is in memory and goes to the file with the next compaction.
				console.error(`sync: room ${documentName}: a change could not be written yet (${(error as Error).message})`);
			}
		});
	}
}

/** Loaded only when named: a server without Redis never loads its client. */
async function redis(url: string): Promise<Extension> {
	const { Redis } = await import('@hocuspocus/extension-redis');
	const { hostname, port, username, password, pathname, protocol } = new URL(url);
	return new Redis({
		host: hostname,
		port: Number(port || 6379),
		prefix: 'runsheet-sync',
		options: {
			username: decodeURIComponent(username) || undefined,
			password: decodeURIComponent(password) || undefined,
			db: Number(pathname.slice(1) || 0),
			...(protocol === 'rediss:' ? { tls: {} } : {}),
		},
	});
}

export interface RunningServer {
	/** Where it listens (ws://host:port). */
	url: string;
	rooms: RoomStore;
	stop(): Promise<void>;
}

/** Starts the server; rejects when it cannot listen (the port is taken). */
export async function startServer(options: SyncOptions): Promise<RunningServer> {
	const rooms = RoomStore.open(options.db);
	const extensions: Extension[] = [guard(options), roomSize(options.maxBytes), new Persistence(rooms)];
	if (options.redis) extensions.push(await redis(options.redis));
	const server = new Server({
		name: 'runsheet-sync',
		address: options.host,
		port: options.port,
		quiet: true,
		stopOnSignals: false,
		websocketOptions: { maxPayload: options.maxBytes },
		extensions,
	});
	await new Promise<void>((resolve, reject) => {
		server.httpServer.once('error', reject);
		server.listen().then(() => resolve(), reject);
	});
	const host = options.host.includes(':') ? `[${options.host}]` : options.host;
	return {
		url: `ws://${host}:${server.address.port}`,
		rooms,
		stop: async () => {
			await server.destroy();
			rooms.close();
		},
	};
}
