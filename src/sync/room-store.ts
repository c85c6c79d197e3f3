import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import * as Y from 'yjs';

/**
 * The rooms on disk: one SQLite file, one table. Each row is one Yjs update of one room; a room is
 * the merge of its rows. Every change a client sends is added as a row before the server answers
 * it (append), so a server killed at any moment has everything it acknowledged; a room's rows are
 * merged into one when its changes pause and when it empties (compact). Merging, never
 * overwriting, keeps what another instance sharing the file wrote.
 *
 * Node's own SQLite (node:sqlite): no native module to build for the right Node.
 */

export interface RoomSummary {
	room: string;
	bytes: number;
	/** When it last changed (ms since 1970). */
	updated: number;
}

/** node:sqlite, loaded without its "experimental feature" warning (that warning only; Node 22 prints it once per process). */
function sqlite(): typeof import('node:sqlite') {
	const emit = process.emitWarning;
	process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
		const text = typeof warning === 'string' ? warning : warning.message;
		if (/^SQLite is an experimental feature/.test(text)) return;
		return (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
	}) as typeof process.emitWarning;
	try {
		return process.getBuiltinModule('node:sqlite') as typeof import('node:sqlite');
	} finally {
		process.emitWarning = emit;
	}
}

/** The merge of several updates, as one update of a document with deleted content collected. */
function merged(updates: Uint8Array[]): Uint8Array {
	if (updates.length === 1) return updates[0]!;
	const doc = new Y.Doc();
	try {
		for (const update of updates) Y.applyUpdate(doc, update);
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

export class RoomStore {
	private readonly db: DatabaseSync;
	/** Statements prepared once: preparing one per change leaves native memory to the garbage collector. */
	private readonly statements = new Map<string, StatementSync>();

	private constructor(db: DatabaseSync) {
		this.db = db;
	}

	private sql(text: string): StatementSync {
		let statement = this.statements.get(text);
		if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
		return statement;
	}

	static open(file: string): RoomStore {
		mkdirSync(dirname(file), { recursive: true });
		const db = new (sqlite().DatabaseSync)(file);
		// WAL: readers never wait for the writer, and a process killed mid-write loses nothing
		// committed. NORMAL: no sync to disk per change (a power cut may lose the last moments; the
		// browsers keep their copies). Two instances may share the file: each waits for the other.
		db.exec(`
			PRAGMA journal_mode = WAL;
			PRAGMA synchronous = NORMAL;
			PRAGMA busy_timeout = 5000;
			CREATE TABLE IF NOT EXISTS updates (
				id INTEGER PRIMARY KEY AUTOINCREMENT,
				room TEXT NOT NULL,
				data BLOB NOT NULL,
				at INTEGER NOT NULL
			);
			CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, id);
		`);
		return new RoomStore(db);
	}

	/** A room's content as one update, or null for a room never seen. */
	load(room: string): Uint8Array | null {
		const rows = this.sql('SELECT data FROM updates WHERE room = ? ORDER BY id').all(room) as { data: Uint8Array }[];
		return rows.length ? merged(rows.map((r) => r.data)) : null;
	}

	append(room: string, update: Uint8Array, now = Date.now()): void {
		this.sql('INSERT INTO updates (room, data, at) VALUES (?, ?, ?)').run(room, update, now);
	}

	/** Replaces a room's rows by one: their merge with `state` (the room as this instance holds it). */
	compact(room: string, state: Uint8Array, now = Date.now()): void {
		this.db.exec('BEGIN IMMEDIATE');
		try {
			const rows = this.sql('SELECT id, data FROM updates WHERE room = ? ORDER BY id').all(room) as {
				id: number;
				data: Uint8Array;
			}[];
			const data = merged([...rows.map((r) => r.data), state]);
			if (rows.length) this.sql('DELETE FROM updates WHERE room = ? AND id <= ?').run(room, rows.at(-1)!.id);
			this.sql('INSERT INTO updates (room, data, at) VALUES (?, ?, ?)').run(room, data, now);
			this.db.exec('COMMIT');
		} catch (error) {
			this.db.exec('ROLLBACK');
			throw error;
		}
	}

	list(): RoomSummary[] {
		return this.db
			.prepare('SELECT room, SUM(LENGTH(data)) AS bytes, MAX(at) AS updated FROM updates GROUP BY room ORDER BY updated DESC')
			.all() as unknown as RoomSummary[];
	}

	/** Forgets the rooms named; returns how many there were. */
	forget(rooms: readonly string[]): number {
		let found = 0;
		for (const room of rooms) {
			const { changes } = this.sql('DELETE FROM updates WHERE room = ?').run(room);
			if (Number(changes) > 0) found++;
		}
		return found;
	}

	/** Forgets the rooms unchanged since `before` (ms); returns how many. */
	forgetUnchangedSince(before: number): number {
		const stale = this.sql('SELECT room FROM updates GROUP BY room HAVING MAX(at) < ?').all(before) as { room: string }[];
		return this.forget(stale.map((r) => r.room));
	}

	close(): void {
		this.db.close();
	}
}
