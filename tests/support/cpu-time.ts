import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TimedRun {
	status: number | null;
	stdout: string;
	/** The command's own stderr. */
	stderr: string;
	/** Processor time the command used (user and system, its children included): what a budget can hold on a busy machine. */
	cpuSeconds: number;
	/** Wall-clock time: reported, never held to a budget, since a busy runner stretches it. */
	wallSeconds: number;
}

/**
 * Runs a command and measures the processor time it used, through bash's `time`: Node's spawnSync
 * gives no resource usage of a child. A budget on wall-clock time fails whenever the machine is busy
 * (a CI runner running two jobs); processor time holds.
 */
export function runTimed(command: string, args: readonly string[]): TimedRun {
	const dir = mkdtempSync(join(tmpdir(), 'runsheet-time-'));
	const file = join(dir, 'times');
	const started = performance.now();
	// `time` writes to the shell's stderr: that goes to the file, the command's own stderr to ours.
	const result = spawnSync('bash', ['-c', 'TIMEFORMAT="%U %S"; { time "$@" 2>&3; } 3>&2 2>"$TIMES"', 'timed', command, ...args], {
		encoding: 'utf8',
		env: { ...process.env, TIMES: file },
	});
	const wallSeconds = (performance.now() - started) / 1000;
	const written = existsSync(file) ? readFileSync(file, 'utf8') : '';
	rmSync(dir, { recursive: true, force: true });
	const times = written.trim().split(/\s+/).map(Number);
	if (times.length !== 2 || times.some(Number.isNaN)) throw new Error(`runTimed: bash gave no times for ${command}: ${written}`);
	return { status: result.status, stdout: result.stdout, stderr: result.stderr, cpuSeconds: times[0]! + times[1]!, wallSeconds };
}
