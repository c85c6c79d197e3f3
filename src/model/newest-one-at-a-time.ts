/**
 * Runs `task` for the newest value asked for, one run at a time: a value asked for while a run is
 * under way waits for it to end, and of the values that waited only the newest runs.
 *
 * For fetching a search index's words as they are typed (client/site-search.ts, the rollback
 * finder): typed faster than a round trip, each prefix's fetch went out at once, eight at 10,000
 * runbooks where a browser fetches six at a time from one host, and the query's own chunks waited
 * behind the others. One at a time, a fast typist's words are fetched twice at most (the first
 * prefix, then the whole), a slow typist's as they are typed.
 */
export function newestOneAtATime<T>(task: (value: T) => Promise<unknown>): (value: T) => void {
	let running = false;
	let waiting: { value: T } | undefined;
	const run = (value: T) => {
		running = true;
		void Promise.resolve()
			.then(() => task(value))
			.catch(() => undefined)
			.then(() => {
				running = false;
				const next = waiting;
				waiting = undefined;
				if (next) run(next.value);
			});
	};
	return (value) => {
		if (running) waiting = { value };
		else run(value);
	};
}
