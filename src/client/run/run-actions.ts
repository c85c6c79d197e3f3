import { cleanInitials, DEFAULT_RUN_ID, newRun, type ProgressEvent, type Run, type StepState } from '../../model/progress/run.ts';
import { tally } from '../../model/progress/summary.ts';
import type { PageSteps } from './dom-steps.ts';
import { deleteRun, OPERATOR_KEY } from './run-store.ts';
import type { KeyValueStore } from './storage.ts';

/** What the run-menu actions need from the page: loaded on first use, not to tick a box. */
export interface RunContext {
	root: HTMLElement;
	runbook: string;
	store: KeyValueStore;
	page: PageSteps;
	run(): Run;
	snapshot(): Run | undefined;
	state(): Map<string, StepState>;
	now(): number;
	allRuns(): Run[];
	replaceRun(run: Run): void;
	/** Removes a deleted run from the list (the default run is always there). */
	forgetRun(run: Run): void;
	persist(run: Run): boolean;
	render(): void;
	say(text: string, undo?: () => void): void;
	announce(text: string): void;
	switchTo(id: string): void;
	createRun(name: string, events?: ProgressEvent[], values?: Record<string, string>): void;
	/** Shows a shared run read-only (undefined: back to the current run). */
	setSnapshot(run: Run | undefined): void;
	operator(): string | undefined;
}

const exporter = () => import('../../model/progress/export.ts');
const sharer = () => import('../../model/progress/share.ts');

/** Asks for a run name until it is new (names are compared without case). */
function askName(ctx: RunContext, question: string, initial: string): string | undefined {
	for (let proposal = initial; ; ) {
		const name = prompt(question, proposal)?.trim();
		if (!name) return undefined;
		if (!ctx.allRuns().some((r) => r.name.toLowerCase() === name.toLowerCase())) return name.slice(0, 80);
		question = `A run called “${name}” exists already. Another name:`;
		proposal = `${name} (2)`;
	}
}

function download(name: string, type: string, text: string): void {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(new Blob([text], { type }));
	a.download = name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

const ACTIONS: Record<string, (ctx: RunContext) => void | Promise<void>> = {
	new: (ctx) => {
		const name = askName(ctx, 'Name of the new run (a release, an incident):', '');
		if (name) ctx.createRun(name);
	},
	rename: (ctx) => {
		const run = ctx.run();
		const name = askName(ctx, `New name for “${run.name}”:`, run.name);
		if (!name) return;
		const changed = { ...run, name };
		ctx.replaceRun(changed);
		ctx.persist(changed);
		ctx.render();
	},
	reset: (ctx) => {
		const before = ctx.run();
		if (!confirm(`Reset “${before.name}”? Every tick and N/A of this run is cleared.`)) return;
		const cleared = { ...before, events: [], updated: ctx.now() };
		ctx.replaceRun(cleared);
		ctx.persist(cleared);
		ctx.render();
		ctx.say(`“${before.name}” was reset.`, () => {
			ctx.replaceRun(before);
			ctx.persist(before);
			ctx.render();
		});
	},
	delete: (ctx) => {
		const gone = ctx.run();
		if (!confirm(`Delete the run “${gone.name}”? Its progress and timeline are removed from this browser.`)) return;
		deleteRun(ctx.store, ctx.runbook, gone.id);
		ctx.forgetRun(gone);
		ctx.switchTo(DEFAULT_RUN_ID);
		ctx.say(`“${gone.name}” was deleted.`, () => {
			ctx.replaceRun(gone);
			ctx.persist(gone);
			ctx.switchTo(gone.id);
		});
	},
	initials: (ctx) => {
		const value = prompt('Your initials, recorded with each tick in this browser:', ctx.operator() ?? '');
		if (value === null) return;
		const clean = cleanInitials(value);
		if (clean) ctx.store.set(OPERATOR_KEY, clean);
		else ctx.store.remove(OPERATOR_KEY);
		ctx.announce(clean ? `Initials set to ${clean}.` : 'Initials cleared.');
	},
	'export-json': async (ctx) => {
		const { exportJson } = await exporter();
		const run = ctx.run();
		download(`${ctx.runbook}-${run.id}.json`, 'application/json', exportJson(run, { id: ctx.runbook, version: ctx.root.dataset.version }, ctx.now()));
	},
	'export-md': async (ctx) => {
		const { exportMarkdown } = await exporter();
		const run = ctx.run();
		const t = tally(ctx.page.counted, ctx.state());
		const text = exportMarkdown(run, { title: ctx.root.dataset.title ?? ctx.runbook, url: location.href.split('#')[0]! }, (id) => ctx.page.steps.get(id)?.text ?? id, t);
		download(`${ctx.runbook}-${run.id}.md`, 'text/markdown', text);
	},
	import: (ctx) => ctx.root.querySelector<HTMLInputElement>('[data-import-file]')!.click(),
	share: async (ctx) => {
		const { encodeShare } = await sharer();
		const url = `${location.href.split('#')[0]}#${await encodeShare(ctx.run(), ctx.page.order)}`;
		try {
			await navigator.clipboard.writeText(url);
			ctx.say('Share link copied. Whoever opens it sees this run read-only and can save it.');
		} catch {
			prompt('Copy this share link:', url);
		}
	},
	'close-share': (ctx) => {
		ctx.root.querySelector<HTMLElement>('[data-share-banner]')!.hidden = true;
		ctx.root.removeAttribute('data-readonly');
		history.replaceState(null, '', location.pathname + location.search);
		ctx.setSnapshot(undefined);
	},
	'save-share': (ctx) => {
		const snapshot = ctx.snapshot();
		if (!snapshot) return;
		const name = askName(ctx, 'Save the shared run as:', ctx.allRuns().some((r) => r.name === snapshot.name) ? `${snapshot.name} (shared)` : snapshot.name);
		if (!name) return;
		ACTIONS['close-share']!(ctx);
		ctx.createRun(name, snapshot.events, snapshot.values);
	},
};

export function runAction(name: string, ctx: RunContext): void | Promise<void> {
	return ACTIONS[name]?.(ctx);
}

/** Opens the run a share link carries, read-only, with a banner to save or close it. */
export async function openShare(ctx: RunContext): Promise<void> {
	const banner = ctx.root.querySelector<HTMLElement>('[data-share-banner]')!;
	try {
		const { decodeShare } = await sharer();
		const shared = await decodeShare(location.hash.slice(1), ctx.page.order);
		banner.querySelector('[data-share-name]')!.textContent = shared.name;
		banner.querySelector<HTMLElement>('[data-share-stale]')!.hidden = !shared.stale;
		banner.hidden = false;
		ctx.root.dataset.readonly = '';
		ctx.setSnapshot({ ...newRun('shared', shared.name, ctx.now()), events: shared.events, ...(shared.values ? { values: shared.values } : {}) });
	} catch {
		ctx.say('This share link could not be read; it may have been cut short when it was copied.');
	}
}

export async function importFile(ctx: RunContext, file: File): Promise<void> {
	const [text, { importJson }] = await Promise.all([file.text(), exporter()]);
	const result = importJson(text, 'import');
	if (!result.ok) return ctx.say(`Import failed: ${result.reason}.`);
	if (result.runbook !== ctx.runbook && !confirm(`This run was exported from the runbook “${result.runbook}”. Import it here anyway?`)) return;
	const name = askName(ctx, 'Import the run as:', ctx.allRuns().some((r) => r.name === result.run.name) ? `${result.run.name} (imported)` : result.run.name);
	if (name) ctx.createRun(name, result.run.events, result.run.values);
}
