import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { PORTS } from './ports.ts';

/**
 * The sync server live runs use (y-websocket's, as `npm run sync-server` starts it), started by a
 * test and stopped after it. `kill()` ends it at once, as a crash would: it keeps nothing on disk,
 * so a restarted server starts empty and the browsers bring the run back.
 */
export async function startSyncServer(port = PORTS.sync): Promise<{ kill(): Promise<void> }> {
	// A server left over from an interrupted run would answer for this one, and never die.
	if (await answers(port)) throw new Error(`port ${port} is taken (a sync server left running?): stop it, or set RUNSHEET_TEST_PORT`);
	const child: ChildProcess = spawn(process.execPath, ['node_modules/@y/websocket-server/src/server.js'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
		stdio: 'ignore',
	});
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (child.exitCode === null && (await answers(port))) break;
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`the sync server did not start on port ${port} (is the port taken?)`);
		}
		await sleep(50);
	}
	return {
		kill: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGKILL');
			await exited;
		},
	};
}

async function answers(port: number): Promise<boolean> {
	try {
		return (await fetch(`http://127.0.0.1:${port}/`)).ok;
	} catch {
		return false;
	}
}
