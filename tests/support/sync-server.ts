import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PORTS, SYNC_SECRET } from './ports.ts';

export interface SyncServer {
	port: number;
	/** ws://127.0.0.1:<port> */
	url: string;
	pid: number;
	/** The SQLite file it keeps its rooms in. */
	db: string;
	/** What it printed so far. */
	output(): string;
	/** Ends it at once (SIGKILL), as a crash would; resolves when it is gone. */
	kill(): Promise<void>;
	/** Its memory after a full collection (started with --expose-gc: it prints it on SIGUSR2). */
	memory(): Promise<Memory>;
}

export interface SyncServerOptions {
	/** 0: any free port. */
	port?: number;
	/** The rooms' file: a new, empty one unless given (a restart that keeps them passes the last one's). */
	db?: string;
	/** More environment, e.g. RUNSHEET_SYNC_REDIS; a variable set to undefined is left out. */
	env?: Record<string, string | undefined>;
	/** Node's flags, e.g. --expose-gc (then `memory()` works). */
	nodeFlags?: string[];
}

/** What the server holds, in MiB: its heap after a full collection, and its resident memory. */
export interface Memory {
	heapUsed: number;
	rss: number;
}

/**
 * The sync server live runs use, started as `npm run sync-server` starts it (scripts/sync-server.ts,
 * its own process), with the tests' secret and its `/token` route on (the imported site fetches
 * its tokens there: scripts/build-imported-site.ts). Stopped by the test that started it.
 */
export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
	const port = options.port ?? PORTS.sync;
	// A server left over from an interrupted run would answer for this one, and never die.
	if (port && (await answers(port)))
		throw new Error(`port ${port} is taken (a sync server left running?): stop it, or set RUNSHEET_TEST_PORT`);
	const db = options.db ?? join(mkdtempSync(join(tmpdir(), 'runsheet-sync-')), 'rooms.sqlite');
	const env: Record<string, string | undefined> = {
		...process.env,
		RUNSHEET_SYNC_HOST: '127.0.0.1',
		RUNSHEET_SYNC_PORT: String(port),
		RUNSHEET_SYNC_DB: db,
		RUNSHEET_SYNC_SECRET: SYNC_SECRET,
		RUNSHEET_SYNC_ISSUE_TOKENS: '1',
		...options.env,
	};
	const child: ChildProcess = spawn(process.execPath, [...(options.nodeFlags ?? []), 'scripts/sync-server.ts'], {
		env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const deadline = Date.now() + 15_000;
	let listening: number | undefined;
	for (;;) {
		listening = Number(/listening on ws:\/\/[^\s]+:(\d+)/.exec(output)?.[1]) || undefined;
		if (child.exitCode === null && listening && (await answers(listening))) break;
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`the sync server did not start on port ${port} (is the port taken?):\n${output}`);
		}
		await sleep(50);
	}
	return {
		port: listening,
		url: `ws://127.0.0.1:${listening}`,
		pid: child.pid!,
		db,
		output: () => output,
		memory: async () => {
			const before = output.length;
			child.kill('SIGUSR2');
			const deadline = Date.now() + 5000;
			const printed = () => /sync-server: memory (\{.*\})/.exec(output.slice(before));
			let line = printed();
			while (!line && Date.now() < deadline) {
				await sleep(20);
				line = printed();
			}
			if (!line) throw new Error('the sync server printed no memory (started without --expose-gc?)');
			const { heapUsed, rss } = JSON.parse(line[1]!) as Memory;
			return { heapUsed: heapUsed / 2 ** 20, rss: rss / 2 ** 20 };
		},
		kill: async () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGKILL');
			await exited;
		},
	};
}

export async function answers(port: number): Promise<boolean> {
	try {
		return (await fetch(`http://127.0.0.1:${port}/`)).ok;
	} catch {
		return false;
	}
}
