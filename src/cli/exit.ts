/**
 * Ends the process once stdout and stderr have taken everything written to them. process.exit()
 * alone drops what a pipe has not accepted yet: with a slow reader (a busy CI runner, `| less`,
 * `| head` in a script) the end of a long listing was lost while the command still exited 0.
 */
export async function exitWhenWritten(code: number): Promise<never> {
	// A write's callback runs once it and everything queued before it are handed to the system.
	await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((done) => stream.write('', () => done()))));
	process.exit(code);
}
