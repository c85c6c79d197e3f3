/**
 * npm test: every check of the project, stage by stage, the checks of a stage side by side (a
 * 2-core machine runs two single-threaded checks in the time of one), stopping at the first stage
 * that fails. A stage's output is printed whole when its checks end, each under its name, with how
 * long it took; the browser tests print as they go. CONTRIBUTING.md says what each check is.
 *
 * `npm test -- <name> ...` runs only the named checks (e.g. `npm test -- test:unit test:e2e`).
 */
import { spawn } from 'node:child_process';

const STAGES: string[][] = [
	// Reading the code: none of them builds, and each is mostly one thread.
	['check', 'lint', 'lint:runbooks -- --max-warnings 0', 'test:unit'],
	// Alone: the sync server under attack, with checks that a tick reaches a second client within a second.
	['test:sync-server'],
	// Alone: it keeps the machine busy itself, and its stock build is the quiet reference.
	['test:speed-ups'],
	// The link check reads dist/, which the stage before wrote; the imported site and the packed
	// package's sites build elsewhere.
	['test:links', 'test:imported-site', 'test:package'],
	// One Astro build at a time: builds of one project share its content cache.
	['test:base-site'],
	['test:e2e'],
];
/** Printed as they run: long, and what a developer watches. */
const STREAMED = new Set(['test:e2e']);

interface Result {
	name: string;
	code: number;
	output: string;
	seconds: number;
}

function run(command: string, stream: boolean): Promise<Result> {
	const [name, ...args] = command.split(' ');
	const started = performance.now();
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', '--silent', name!, ...args], {
			stdio: ['ignore', stream ? 'inherit' : 'pipe', stream ? 'inherit' : 'pipe'],
		});
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('close', (code) => resolve({ name: command, code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }));
	});
}

const only = process.argv.slice(2);
const stages = only.length ? STAGES.map((stage) => stage.filter((c) => only.includes(c.split(' ')[0]!))).filter((s) => s.length) : STAGES;
const started = performance.now();
const times: string[] = [];
for (const stage of stages) {
	const streamed = stage.filter((c) => STREAMED.has(c));
	for (const command of streamed) console.log(`\n> ${command}`);
	const results = await Promise.all(stage.map((command) => run(command, STREAMED.has(command))));
	for (const { name, code, output, seconds } of results) {
		if (!STREAMED.has(name)) console.log(`\n> ${name}\n${output.trimEnd()}`);
		console.log(`test: ${name} ${code === 0 ? 'passed' : `FAILED (exit code ${code})`} in ${seconds.toFixed(0)} s`);
		times.push(`${name} ${seconds.toFixed(0)} s`);
	}
	const failed = results.filter((r) => r.code !== 0);
	// Printed again last: a CI log is read from its end, and a stage's other checks print after it.
	for (const { name, output } of failed) {
		if (!STREAMED.has(name))
			console.error(`\n> ${name} (failed; its last lines again)\n${output.trimEnd().split('\n').slice(-40).join('\n')}`);
	}
	if (failed.length) {
		console.error(
			`\ntest: stopped at ${results
				.filter((r) => r.code !== 0)
				.map((r) => r.name)
				.join(', ')}`,
		);
		process.exit(1);
	}
}
console.log(`\ntest: everything passed in ${((performance.now() - started) / 60000).toFixed(1)} min (${times.join(', ')})`);
