import {
	DEFAULT_RUN_ID,
	DEFAULT_RUN_NAME,
	deriveState,
	newRun,
	record,
	type ProgressEvent,
	type Run,
	type StepState,
} from '../../model/progress/run.ts';
import { currentRunId, loadRun, loadRuns, OPERATOR_KEY, saveRun, setCurrentRunId } from './run-store.ts';
import type { KeyValueStore, SaveResult } from './storage.ts';

/**
 * The run a page shows and everything done to it: one object owns the state (the current run,
 * the other runs, a shared snapshot on view) and the commands that change it, which save and then
 * notify the views that subscribed. Views (progress-page.ts, the values panel) read it and call
 * its commands; the run menu's commands (run-actions.ts: new, delete, import …) are built on these
 * and load with the menu.
 */
export class RunSession {
	/** The run being followed. */
	run: Run;
	/** A shared run shown read-only instead of the current one, or undefined. */
	snapshot: Run | undefined;
	/** What each step of the shown run is, from its events. */
	state = new Map<string, StepState>();
	/** Every run of this runbook, once read (see all); until then only the current one is. */
	runs: Run[] | undefined;
	private readonly views: (() => void)[] = [];

	constructor(
		readonly runbook: string,
		readonly store: KeyValueStore,
		readonly now: () => number = Date.now,
	) {
		this.run = this.blank();
	}

	/** A run with nothing in it yet: the default run until one is saved. */
	blank(): Run {
		return newRun(DEFAULT_RUN_ID, DEFAULT_RUN_NAME, this.now());
	}

	/** The run on screen: the snapshot, else the current run. */
	get shown(): Run {
		return this.snapshot ?? this.run;
	}

	subscribe(view: () => void): void {
		this.views.push(view);
	}

	notify(): void {
		this.state = deriveState(this.shown.events);
		for (const view of this.views) view();
	}

	/** Reads the current run (or `wanted`) alone, the others later; says what could not be read. */
	load(wanted?: string): string | undefined {
		this.runs = undefined;
		const loaded = loadRun(this.store, this.runbook, wanted ?? currentRunId(this.store, this.runbook) ?? DEFAULT_RUN_ID, this.now());
		this.run = loaded.run ?? loadRun(this.store, this.runbook, DEFAULT_RUN_ID, this.now()).run ?? this.blank();
		this.notify();
		return loaded.problem;
	}

	/** Every run, the default one always among them; `problems` tells what could not be read. */
	all(problems?: (texts: string[]) => void): Run[] {
		if (this.runs) return this.runs;
		const loaded = loadRuns(this.store, this.runbook, this.now());
		const runs = loaded.runs.map((r) => (r.id === this.run.id ? this.run : r));
		if (!runs.includes(this.run)) runs.push(this.run);
		if (!runs.some((r) => r.id === DEFAULT_RUN_ID)) runs.push(this.blank());
		if (loaded.problems.length) problems?.(loaded.problems);
		return (this.runs = runs);
	}

	/** Takes a changed run into the list, saves it and shows it. */
	keep(changed: Run): SaveResult {
		this.runs = this.all().map((r) => (r.id === changed.id ? changed : r));
		if (!this.runs.includes(changed)) this.runs.push(changed);
		if (this.run.id === changed.id) this.run = changed;
		const start = performance.now();
		const saved = saveRun(this.store, this.runbook, changed);
		performance.measure('runsheet-save', { start });
		this.notify();
		return saved;
	}

	/** Records ticks, N/A and clears in the current run, with the time and the operator's initials. */
	record(events: Omit<ProgressEvent, 't' | 'by'>[]): SaveResult {
		const t = this.now();
		const by = this.operator();
		return this.keep(
			record(
				this.run,
				events.map((e) => ({ ...e, t, ...(by ? { by } : {}) })),
			),
		);
	}

	switchTo(id: string): void {
		this.run = this.all().find((r) => r.id === id) ?? this.run;
		setCurrentRunId(this.store, this.runbook, this.run.id);
		this.notify();
	}

	/** Shows a shared run read-only (undefined: back to the current run). */
	show(snapshot: Run | undefined): void {
		this.snapshot = snapshot;
		this.notify();
	}

	operator(): string | undefined {
		return this.store.get(OPERATOR_KEY) ?? undefined;
	}
}
