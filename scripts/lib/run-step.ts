import { spawnSync } from 'node:child_process';

/**
 * One step of a test-site script (an import, a build, a link check): a Node script run with the
 * project's own Node, its output kept, timed; on failure its output is printed and the whole
 * script exits, named by `site`.
 */
export function runStep(site: string, what: string, args: string[], env: Record<string, string> = {}): { seconds: number; stdout: string } {
	const started = performance.now();
	const result = spawnSync(process.execPath, args, {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
		env: { ...process.env, ...env },
	});
	const seconds = (performance.now() - started) / 1000;
	if (result.status !== 0) {
		console.error(result.stdout);
		console.error(`${site}: ${what} failed (exit code ${result.status})`);
		process.exit(1);
	}
	return { seconds, stdout: result.stdout };
}
