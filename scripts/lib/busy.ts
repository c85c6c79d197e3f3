import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Keeps the machine busy, as a shared CI runner is: one process spinning per core (more with
 * `perCore`), until the returned function stops them. A build's output must not depend on how
 * fast the machine is (npm run test:speed-ups builds under this load).
 *
 * Each spinner checks now and then that its parent is still there, so a test killed midway
 * leaves no process spinning.
 */
export function keepBusy(perCore = 1): () => void {
	const spinner = `const parent = ${process.pid}; for (;;) { for (let i = 0; i < 5e7; i++); if (process.ppid !== parent) process.exit(); }`;
	const spinners: ChildProcess[] = Array.from({ length: availableParallelism() * perCore }, () =>
		spawn(process.execPath, ['-e', spinner], { stdio: 'ignore' }),
	);
	const stop = () => {
		for (const child of spinners) child.kill('SIGKILL');
		process.off('exit', stop);
	};
	process.on('exit', stop);
	return stop;
}
