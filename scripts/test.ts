/**
 * npm test: every check of the project, stage by stage, the checks of a stage side by side (a
 * 2-core machine runs two single-threaded checks in the time of one), stopping at the first stage
 * that fails. A stage's output is printed whole when its checks end, each under its name, with how
 * long it took; the browser tests print as they go. CONTRIBUTING.md says what each check is.
 *
 * `npm test -- <name> ...` runs only the named checks (e.g. `npm test -- test:unit test:e2e`).
 */
import { spawn } from 'node:child_process';

/** A stage's checks run side by side; `a > b` runs b after a, beside the stage's other checks. */
const STAGES: string[][] = [
	// Reading the code: none of them builds, and each is mostly one thread.
	['check', 'lint', 'lint:runbooks -- --max-warnings 0', 'test:unit'],
	// Alone: the sync server under attack, with checks that a tick reaches a second client within a second.
	['test:sync-server'],
	// Alone: it keeps the machine busy itself, and its stock build is the quiet reference.
	['test:speed-ups'],
	// The link check reads dist/, which the stage before wrote; the imported site and the packed
	// package's sites build elsewhere. The base-path site builds after the imported site, in the
	// time the package's builds still take: one Astro build of this project at a time, as its builds
	// share its content cache.
	['test:links', 'test:imported-site > test:base-site', 'test:package'],
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

/** Runs the checks of a lane one after the other, stopping at the first that fails. */
async function lane(commands: string[]): Promise<Result[]> {
	const results: Result[] = [];
	for (const command of commands) {
		const result = await run(command, STREAMED.has(command));
		results.push(result);
		if (result.code !== 0) break;
	}
	return results;
}

const only = process.argv.slice(2);
const named = (command: string) => only.includes(command.split(' ')[0]!);
const lanes = (stage: string[]) => stage.map((entry) => entry.split(' > ').filter((c) => !only.length || named(c))).filter((l) => l.length);
const stages = STAGES.map(lanes).filter((s) => s.length);
const started = performance.now();
const times: string[] = [];
for (const stage of stages) {
	const streamed = stage.flat().filter((c) => STREAMED.has(c));
	for (const command of streamed) console.log(`\n> ${command}`);
	const results = (await Promise.all(stage.map(lane))).flat();
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
