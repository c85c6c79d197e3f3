/**
 * Highlights the collection's command blocks in a worker thread while Astro renders pages on the
 * main thread. Highlighting (Expressive Code and Shiki) was the costliest part of a runbook page,
 * while the machine's other core sat idle (npm run bench, 1,000 runbooks).
 *
 * Only in `astro build`, with more than one core, and with the build's speed-ups on
 * (build/speed-ups.ts). Should the worker fail, it says so once, and the blocks are highlighted on
 * their pages as without it. With speed-ups `wait`, pages wait for the worker's blocks, so that
 * every block comes from it (npm run test:speed-ups compares that build with the stock one).
 */
import { availableParallelism } from 'node:os';
import { bundledLanguages } from 'shiki';
import type { Command } from '../../schema/command.ts';
import { paths } from '../../model/paths.ts';
import { speedUps } from '../speed-ups.ts';
import { startJobWorker, type JobWorker } from '../worker-jobs.ts';
import { frameTexts, type CodeBlockJob } from './renderer.ts';
import { blocksInBuildOrder, type RunbookSections } from './order.ts';

interface Ahead {
	worker: JobWorker;
	wait: boolean;
	/**
	 * Jobs of each command's block, as a page's first block and as any other, in the order pages
	 * ask for them (a command can be the first block of both its pages).
	 */
	jobsOf: { first: Map<Command, number[]>; other: Map<Command, number[]> };
}

let ahead: Promise<Ahead | undefined> | undefined;

/** Off, on, or on with pages waiting for every block (a test of the worker's blocks). */
export function highlightAheadMode(env: Record<string, string | undefined>, production: boolean, cores: number): 'off' | 'on' | 'wait' {
	const mode = speedUps(env);
	if (!production || mode === 'off') return 'off';
	return mode === 'wait' ? 'wait' : cores > 1 ? 'on' : 'off';
}

/**
 * The language a block is highlighted in: its own when Shiki knows it, else plain text. Teams
 * label blocks with languages no grammar covers (`promql`, `logql`); Expressive Code would fall
 * back to plain text too, with a warning on every build.
 */
export function highlightLanguage(lang: string): string {
	return lang in bundledLanguages || PLAIN.has(lang) ? lang : 'txt';
}
const PLAIN = new Set(['', 'txt', 'text', 'plaintext', 'plain', 'ansi']);

export function codeBlockJob(command: Command, page: string, first: boolean): CodeBlockJob {
	return { code: command.code, lang: highlightLanguage(command.lang), title: command.title, page, first };
}

async function start(load: () => Promise<RunbookSections[]>): Promise<Ahead | undefined> {
	const mode = highlightAheadMode(process.env, import.meta.env.PROD, availableParallelism());
	if (mode === 'off') return undefined;
	const placed = blocksInBuildOrder(await load());
	// Started before any page asks (startHighlightingAhead): a collection without a command block
	// needs no worker.
	if (!placed.length) return undefined;
	const { workerUrl, WORKER_ROLE } = await import('./worker.ts');
	const jobs = placed.map(({ command, runbook, first }) => codeBlockJob(command, paths.runbook(runbook), first));
	const worker = startJobWorker(new URL(workerUrl), jobs, {
		role: WORKER_ROLE,
		// About two runbooks' blocks: the worker and the main thread go at about the same pace.
		lead: 32,
		setup: await frameTexts(),
		onFailure: (reason) =>
			console.warn(`[runsheet] highlighting ahead stopped (${reason}); code blocks are highlighted on their pages instead`),
	});
	const jobsOf = { first: new Map<Command, number[]>(), other: new Map<Command, number[]>() };
	placed.forEach(({ command, first }, i) => {
		const jobs = first ? jobsOf.first : jobsOf.other;
		jobs.set(command, [...(jobs.get(command) ?? []), i]);
	});
	return { worker, jobsOf, wait: mode === 'wait' };
}

/**
 * Starts the worker, if it is not running yet, without waiting for it. Called while Astro lists
 * the pages, before it renders any: the worker's start (about a second) then overlaps the pages
 * without command blocks, which Astro renders first (build/page-order.ts). `load` lists the
 * collection; it is called once per build.
 */
export function startHighlightingAhead(load: () => Promise<RunbookSections[]>): void {
	if (ahead) return;
	ahead = start(load);
	// Its failure (a pinned version that no longer fits) fails the first page that awaits it, as
	// before; until then it must not count as unhandled.
	ahead.catch(() => {});
}

/**
 * The command's block (as its page's first block or not) if the worker has highlighted it
 * (handed out once), else undefined.
 */
export async function highlightedAhead(
	command: Command,
	first: boolean,
	load: () => Promise<RunbookSections[]>,
): Promise<string | undefined> {
	startHighlightingAhead(load);
	const state = await ahead;
	const jobsOf = state?.jobsOf[first ? 'first' : 'other'];
	const jobs = jobsOf?.get(command);
	const job = jobs?.shift();
	// A command whose jobs are all taken keeps nothing alive to the end of the build.
	if (jobs && !jobs.length) jobsOf!.delete(command);
	if (job === undefined) return undefined;
	return state!.wait ? state!.worker.wait(job) : state!.worker.take(job);
}
