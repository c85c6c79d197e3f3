import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Runs the content check and `astro build` at the same time: the check is a separate process that
 * needs a few seconds of its own at 1,000 runbooks, and Astro's first seconds (content sync, one
 * CPU) leave the other CPU free for it. The build's output is held back until the check has
 * passed, so a bad file is reported once, by the check (file:line, field, hint), and the build is
 * stopped, not by Astro's schema error as well.
 *
 * Resolves to the exit code for the whole: the check's when it fails, else the build's.
 */
export async function checkWhileBuilding(
	check: { command: string; args: string[] },
	build: { command: string; args: string[] },
	out: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process,
): Promise<{ code: number; failed?: 'check' | 'build' }> {
	const checker = spawn(check.command, check.args, { stdio: ['ignore', 'inherit', 'inherit'] });
	const builder = spawn(build.command, build.args, { stdio: ['ignore', 'pipe', 'pipe'] });

	// Until the check has passed: [stream, chunk] in the order they came.
	let held: [NodeJS.WritableStream, Buffer][] | undefined = [];
	const forward = (target: NodeJS.WritableStream) => (chunk: Buffer) => (held ? held.push([target, chunk]) : target.write(chunk));
	builder.stdout!.on('data', forward(out.stdout));
	builder.stderr!.on('data', forward(out.stderr));

	const checked = exitCode(checker);
	const built = exitCode(builder);
	const checkCode = await checked;
	if (checkCode !== 0) {
		held = undefined;
		builder.stdout!.removeAllListeners('data');
		builder.stderr!.removeAllListeners('data');
		builder.kill('SIGTERM');
		await built;
		return { code: checkCode, failed: 'check' };
	}
	for (const [target, chunk] of held) target.write(chunk);
	held = undefined;
	const buildCode = await built;
	return buildCode === 0 ? { code: 0 } : { code: buildCode, failed: 'build' };
}

function exitCode(child: ChildProcess): Promise<number> {
	return new Promise((resolve) => {
		child.on('error', () => resolve(1));
		// 'close', not 'exit': every piped chunk has been read by then.
		child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}
