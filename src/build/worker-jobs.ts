/**
 * A list of jobs done in a worker thread while the main thread goes on with other work, each
 * result picked up by the main thread when it needs it (or never: it then does the job itself).
 *
 * Why: Astro renders pages on one thread, so a build uses one of the machine's cores. Work that
 * is a pure function of its input (highlighting a code block) can be done beside it.
 *
 * The main thread reads results synchronously (receiveMessageOnPort), only when it asks for one
 * it does not have yet: no event-loop timing decides what a page gets, only whether the worker
 * was ahead. A result is handed out once, so nothing is kept after use. When the main thread had
 * to do a job itself, the worker skips the jobs up to that one and `lead` more: it was behind, and
 * starts again ahead of the main thread instead of doing work that is no longer wanted. (With no
 * lead, a worker about as fast as the main thread stays one job behind it, every result wasted.)
 */
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';

/** Worker -> main thread. */
type Message<R> = { done: number; result?: R } | { failed: string };
/** What the worker starts with. Both sides read the port only with receiveMessageOnPort. */
interface WorkerData<J> {
	role: string;
	jobs: J[];
	port: MessagePort;
	lead: number;
	/** What the worker's setup is given (plain data). */
	setup: unknown;
}
/** Main thread -> worker, while it works: the main thread did job `skip` (and those before). */
type Skip = { skip: number };

/** Results are structured-cloned from the worker: plain data, no functions or class instances. */
export interface JobWorker<R = string> {
	/** The result of job `index` if the worker has done it (handed out once), else undefined. */
	take(index: number): R | undefined;
	/** Waits for the result of job `index` (handed out once); undefined if the worker will not do it. */
	wait(index: number): Promise<R | undefined>;
	/** Why the worker stopped before doing every job, if it did. */
	readonly failure: string | undefined;
}

export interface JobWorkerOptions {
	/** Told once, when the worker stops early; the main thread then does the remaining jobs. */
	onFailure?: (reason: string) => void;
	/** Passed to the worker as workerData.role, so a worker entry can tell it was started for this. */
	role: string;
	/** How many jobs past the one the main thread did itself the worker skips (default 0). */
	lead?: number;
	/** Plain data for the worker's setup (serveJobs), structured-cloned like the jobs. */
	setup?: unknown;
}

export function startJobWorker<J, R = string>(entry: URL, jobs: J[], options: JobWorkerOptions): JobWorker<R> {
	const { port1, port2 } = new MessageChannel();
	// The count, not the list: the closures below would keep every job alive to the end of the build.
	const total = jobs.length;
	const results = new Map<number, R>();
	let finished = false;
	let failure: string | undefined;
	const worker = new Worker(entry, {
		workerData: { role: options.role, jobs, port: port2, lead: options.lead ?? 0, setup: options.setup } satisfies WorkerData<J>,
		transferList: [port2],
	});
	// The build must not wait for a worker it no longer needs.
	worker.unref();
	port1.unref();
	const fail = (reason: string) => {
		if (failure || finished) return;
		failure = reason;
		options.onFailure?.(reason);
		void worker.terminate();
	};
	const drain = () => {
		for (let received = receiveMessageOnPort(port1); received; received = receiveMessageOnPort(port1)) {
			const message = received.message as Message<R>;
			if ('failed' in message) fail(message.failed);
			else if (message.done === total) finished = true;
			else if (message.result !== undefined) results.set(message.done, message.result);
		}
	};
	worker.on('error', (error) => fail(error.message));
	worker.on('exit', (code) => {
		// Its last messages may still be queued: read them before deciding it stopped early.
		drain();
		fail(`the worker exited (code ${code}) before finishing`);
	});
	return {
		take(index) {
			if (!results.has(index)) drain();
			const result = results.get(index);
			if (result === undefined && !finished && !failure) port1.postMessage({ skip: index } satisfies Skip);
			results.delete(index);
			return result;
		},
		async wait(index) {
			for (drain(); !results.has(index) && !finished && !failure; drain()) await new Promise((resolve) => setTimeout(resolve, 2));
			const result = results.get(index);
			results.delete(index);
			return result;
		},
		get failure() {
			return failure;
		},
	};
}

/**
 * The worker's side: receives the jobs and does them in order, sending each result as soon as it
 * is ready. A job that throws sends no result (the main thread does it and reports the error
 * where the page is known); a `setup` that throws ends the worker with the reason.
 */
export async function serveJobs<J, R = string, S = unknown>(setup: (data: S) => Promise<(job: J) => Promise<R>>): Promise<void> {
	const { jobs, port, lead, setup: data } = workerData as WorkerData<J>;
	let run: (job: J) => Promise<R>;
	try {
		run = await setup(data as S);
	} catch (error) {
		port.postMessage({ failed: (error as Error).message } satisfies Message<R>);
		port.close();
		return;
	}
	let skipTo = 0;
	for (const [index, job] of jobs.entries()) {
		for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
			skipTo = Math.max(skipTo, (received.message as Skip).skip + 1 + lead);
		}
		if (index < skipTo) continue;
		let result: R | undefined;
		try {
			result = await run(job);
		} catch {
			result = undefined;
		}
		port.postMessage({ done: index, result } satisfies Message<R>);
	}
	port.postMessage({ done: jobs.length } satisfies Message<R>);
	port.close();
}
