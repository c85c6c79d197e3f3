import { findRun, runIdFor } from '../../model/progress/run-names.ts';
import { DEFAULT_RUN_ID, newRun, type Run } from '../../model/progress/run.ts';
import { tally } from '../../model/progress/summary.ts';
import type { Incoming } from '../../model/progress/merge.ts';
import { cleanName, notValid } from '../../model/progress/check.ts';
import { formatWhen, offsetAt } from '../../model/time.ts';
import { RUN_LIMITS } from '../../schema/run-limits.ts';
import { ask, confirmed } from './ask.ts';
import { shareBanner } from './share-banner.ts';
import { entryRules, type PageUi } from './page-ui.ts';
import { askInitials } from './questions.ts';
import { asides, currentRunId, deleteRun, runPrefix } from './run-store.ts';
import type { RunSession } from './session.ts';

const exporter = () => import('../../model/progress/export.ts');
const sharer = () => import('../../model/progress/share.ts');
const merger = () => import('../../model/progress/merge.ts');

/** Keeps a changed run (session.keep), saying so when it could not be saved: it stays on screen until the page is left. */
const keep = (session: RunSession, ui: PageUi, run: Run) => ui.messages.saved(session.keep(run));

/** Merges a teammate's run into the run being followed, and says what it did (`left`: what of it
 * was not valid); a merge that could not be saved says so, and offers no Undo. */
async function mergeInto(session: RunSession, ui: PageUi, incoming: Incoming, from: string, left = ''): Promise<void> {
	const { mergeRuns, mergeSummary } = await merger();
	const before = session.run;
	const result = mergeRuns(before, incoming);
	const saved = !result.added || keep(session, ui, result.run);
	ui.say(`${mergeSummary(result, from)}${left}`, result.added && saved ? () => keep(session, ui, before) : undefined);
}

/** " 2 entries from the file were not valid and were left out.", or nothing when all were. */
const leftOut = (dropped: number | undefined, from: string) => (dropped ? ` ${notValid(dropped, from)}.` : '');

/** "2026-12-01 14:02 UTC+1", where the reader is: every time of a record is written so. */
const when = (t: number) => formatWhen(t, offsetAt(t));

/** The run menu's button: where the focus goes after a question its action asked (the item chosen is hidden by then). */
const menuButton = (ui: PageUi) => ui.root.querySelector<HTMLElement>('.rs-menu summary');

/** Asks for a run name until it is new (names are compared without case); undefined when cancelled. */
async function askName(session: RunSession, ui: PageUi, title: string, initial: string, ok: string): Promise<string | undefined> {
	const name = await ask({
		title,
		label: 'Name of the run',
		value: initial,
		maxLength: RUN_LIMITS.name,
		ok,
		cancel: 'Cancel',
		check: (typed) =>
			!cleanName(typed)
				? 'A run needs a name (a release, an incident).'
				: session.all().some((r) => r.name.toLowerCase() === typed.toLowerCase())
					? `A run called “${typed}” exists already: another name, please.`
					: undefined,
		back: menuButton(ui),
	});
	return name === null ? undefined : cleanName(name) || undefined;
}

function download(name: string, type: string, text: string): void {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(new Blob([text], { type }));
	a.download = name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

type Action = (session: RunSession, ui: PageUi) => void | Promise<void>;

/** A new run, opened; with the events, values and record it brings (an import, a saved share link). */
function create(
	session: RunSession,
	ui: PageUi,
	name: string,
	from: Partial<Pick<Run, 'events' | 'values' | 'record' | 'utc' | 'live'>> = {},
): void {
	const { events = [], values, record, utc, live } = from;
	const created: Run = {
		...newRun(
			runIdFor(
				name,
				session.all().map((r) => r.id),
			),
			name,
			session.now(),
		),
		events,
		...(values ? { values } : {}),
		...(record ? { record } : {}),
		...(utc ? { utc } : {}),
		...(live ? { live } : {}),
	};
	const times = [...events.map((e) => e.t), ...(record ?? []).map((r) => r.t)];
	if (times.length) created.updated = Math.max(created.created, ...times);
	keep(session, ui, created);
	ui.open(created.id);
}

/**
 * Opens the run a link names (`?run=INC-2291`), or offers to start it; joins the live run a live
 * link names (`?live=<room>`). Then `tickEarly()` ticks the boxes ticked before the page's script
 * ran (client/run/progress-page.ts): in the run the link wanted, not in the one the page opened with.
 */
export async function openWanted(
	session: RunSession,
	ui: PageUi,
	problems: (texts: string[]) => void,
	tickEarly: () => void,
): Promise<void> {
	try {
		await openLinked(session, ui, problems);
	} finally {
		tickEarly();
	}
}

async function openLinked(session: RunSession, ui: PageUi, problems: (texts: string[]) => void): Promise<void> {
	const query = new URLSearchParams(location.search);
	const room = query.get('live');
	const wanted = query.get('run');
	if (room && syncUrl(ui)) return join(session, ui, room);
	if (room)
		return ui.say(
			'This is the link of a live run, but this site names no sync server (docs/sync-server.md): it shows this browser’s runs.',
		);
	if (!wanted) return;
	const found = findRun(session.all(problems), wanted);
	if (found) ui.open(found.id);
	else if (
		await confirmed({
			title: `Start the run “${wanted}”?`,
			text: `There is no run called “${wanted}” in this browser yet.`,
			ok: 'Start it',
			cancel: 'Not now',
		})
	)
		create(session, ui, cleanName(wanted) || 'Run');
}

/** The site's sync server, when it has one (runsheet.config.yaml `sync`). */
const syncUrl = (ui: PageUi) => ui.root.querySelector<HTMLElement>('[data-runbar]')?.dataset.sync;
/** The live runs' code (Yjs and its WebSocket provider): loaded for a live run only. */
const live = () => import('./live.ts');

/** Each tick on a live run names who made it: the initials are asked for when there are none. */
const initialsForLive = async (session: RunSession, ui: PageUi) =>
	void (session.operator() || (await askInitials(session, ui.messages, 'live', menuButton(ui))));

/** Joins the live run of a link: the run in this browser that has the room, or a new one. */
async function join(session: RunSession, ui: PageUi, room: string): Promise<void> {
	if (!/^[\w-]{16,64}$/.test(room)) return ui.say('This live link is not complete: ask for it again.');
	await initialsForLive(session, ui);
	const known = session.all().find((r) => r.live === room);
	if (known) ui.open(known.id);
	else create(session, ui, 'Live run', { live: room });
}

/** An unguessable room: 128 random bits. Whoever has the link can join, nobody can guess it. Its
 * encoding is the share links' (loaded with them: a static import of a module of its own would add
 * a file to the list every runbook page carries, past its 8 KB budget). */
const newRoom = async () => (await sharer()).toBase64Url(crypto.getRandomValues(new Uint8Array(16)));

/** Copies a link and says so, or shows it to copy by hand where the clipboard is refused. */
async function copyLink(ui: PageUi, url: string, copied: string, question: string): Promise<void> {
	try {
		await navigator.clipboard.writeText(url);
		ui.say(copied);
	} catch {
		await ask({ title: question, label: 'Link', value: url, readOnly: true, ok: 'Done', back: menuButton(ui) });
	}
}

const copyLiveLink = (session: RunSession, ui: PageUi) =>
	session.run.live &&
	copyLink(
		ui,
		`${location.origin}${location.pathname}?live=${encodeURIComponent(session.run.live)}`,
		'Live link copied: whoever opens it works on this run with you.',
		'Copy this live link:',
	);

/** Set up when the menu's code first loads: the menu's behaviour, and following live runs. */
export function setUp(session: RunSession, ui: PageUi): void {
	closeMenuOutside(ui.root.querySelector<HTMLDetailsElement>('.rs-menu')!);
	showAsideExport(session, ui);
	// The file Import or Merge asked for (pickFile), read once chosen.
	const input = ui.root.querySelector<HTMLInputElement>('[data-import-file]')!;
	input.addEventListener('change', () => {
		const file = input.files?.[0];
		input.value = '';
		if (file) void importFile(session, ui, file);
	});
	const url = syncUrl(ui);
	if (!url) return;
	let loaded: typeof import('./live.ts') | undefined;
	const follow = () => {
		if (loaded) loaded.follow(session, ui, url);
		else if (session.run.live && !session.snapshot)
			void live().then((m) => {
				loaded = m;
				m.follow(session, ui, url);
			});
	};
	session.subscribe(follow);
	follow();
}

const ACTIONS: Record<string, Action> = {
	new: async (session, ui) => {
		const name = await askName(session, ui, 'New run', '', 'Start');
		if (name) create(session, ui, name);
	},
	rename: async (session, ui) => {
		const { run } = session;
		const name = await askName(session, ui, `Rename “${run.name}”`, run.name, 'Rename');
		if (name) keep(session, ui, { ...session.run, name });
	},
	reset: async (session, ui) => {
		const before = session.run;
		const text = 'Every tick and N/A of this run is cleared.';
		if (!(await confirmed({ title: `Reset “${before.name}”?`, text, ok: 'Reset', cancel: 'Cancel', back: menuButton(ui) }))) return;
		keep(session, ui, { ...before, events: [], updated: session.now() });
		ui.say(`“${before.name}” was reset.`, () => keep(session, ui, before));
	},
	delete: async (session, ui) => {
		const gone = session.run;
		const text = 'Its progress and timeline are removed from this browser.';
		if (!(await confirmed({ title: `Delete the run “${gone.name}”?`, text, ok: 'Delete', cancel: 'Cancel', back: menuButton(ui) }))) return;
		deleteRun(session.store, session.runbook, gone.id);
		// The default run is always there.
		session.runs = session.all().filter((r) => r !== gone);
		if (!session.runs.some((r) => r.id === DEFAULT_RUN_ID)) session.runs.push(session.blank());
		ui.open(DEFAULT_RUN_ID);
		ui.say(`“${gone.name}” was deleted.`, () => {
			keep(session, ui, gone);
			ui.open(gone.id);
		});
	},
	initials: (session, ui) => void askInitials(session, ui.messages, 'menu', menuButton(ui)),
	'export-json': async (session, ui) => {
		const { exportJson } = await exporter();
		const { run, runbook } = session;
		download(
			`${runbook}-${run.id}.json`,
			'application/json',
			exportJson(run, { id: runbook, version: ui.root.dataset.version }, session.now()),
		);
	},
	// The saved runs of this runbook kept aside as unreadable, as they were: one file, to keep or to mend.
	'export-aside': (session) => {
		const kept = asideKeys(session).map((key) => ({ key, text: session.store.get(key) }));
		download(
			`${session.runbook}-unreadable-runs.json`,
			'application/json',
			`${JSON.stringify({ runbook: session.runbook, kept }, null, 2)}\n`,
		);
	},
	'export-md': async (session, ui) => {
		const { exportMarkdown } = await exporter();
		const { run, runbook } = session;
		const t = tally(ui.page.counted, session.state);
		const text = exportMarkdown(
			run,
			{ title: ui.root.dataset.title ?? runbook, url: location.href.split('#')[0]! },
			(id) => ui.page.steps.get(id)?.text ?? id,
			t,
			(field) => (JSON.parse(ui.root.dataset.recordLabels ?? '{}') as Record<string, string>)[field] ?? field,
		);
		download(`${runbook}-${run.id}.md`, 'text/markdown', text);
	},
	import: (_session, ui) => pickFile(ui, false),
	'merge-file': (_session, ui) => pickFile(ui, true),
	share: async (session, ui) => {
		const { encodeShare } = await sharer();
		const maker = { by: session.operator(), made: session.now() };
		const url = `${location.href.split('#')[0]}#${await encodeShare(session.run, ui.page.order, maker)}`;
		await copyLink(ui, url, 'Share link copied. Whoever opens it sees this run read-only and can save it.', 'Copy this share link:');
	},
	// Making, copying and leaving a live run change the run; the sync follows it (setUp).
	'live-start': async (session, ui) => {
		if (!session.run.live) {
			await initialsForLive(session, ui);
			keep(session, ui, { ...session.run, live: await newRoom() });
			ui.announce(`“${session.run.name}” is live.`);
		}
		await copyLiveLink(session, ui);
	},
	'live-copy': async (session, ui) => void (await copyLiveLink(session, ui)),
	'live-leave': (session, ui) => {
		const { live: _room, ...run } = session.run;
		keep(session, ui, run);
		ui.say(`“${run.name}” is no longer live; it stays in this browser as it is.`);
	},
	// The page's own link to its sheet (a rollback page's prints its part), as the server wrote it,
	// base path included; the run goes with it.
	print: (session, ui) => {
		const sheet = new URL(ui.root.querySelector<HTMLAnchorElement>('a[data-sheet-link]')!.href);
		sheet.searchParams.set('run', session.run.id);
		location.href = sheet.href;
	},
	shortcuts: (_session, ui) => void import('./shortcuts-dialog.ts').then((m) => m.showShortcuts(ui.root)),
	'close-share': (session, ui) => {
		shareBanner(ui.root).hidden = true;
		ui.root.removeAttribute('data-readonly');
		history.replaceState(null, '', location.pathname + location.search);
		session.show(undefined);
	},
	'merge-share': async (session, ui) => {
		const { snapshot } = session;
		if (!snapshot) return;
		ACTIONS['close-share']!(session, ui);
		await mergeInto(session, ui, snapshot, sharedBy ?? `“${snapshot.name}”`);
	},
	'save-share': async (session, ui) => {
		const { snapshot } = session;
		if (!snapshot) return;
		const name = await askName(
			session,
			ui,
			'Save the shared run',
			session.all().some((r) => r.name === snapshot.name) ? `${snapshot.name} (shared)` : snapshot.name,
			'Save',
		);
		if (!name) return;
		ACTIONS['close-share']!(session, ui);
		create(session, ui, name, snapshot);
	},
};

export function runAction(name: string, session: RunSession, ui: PageUi): void | Promise<void> {
	return ACTIONS[name]?.(session, ui);
}

/**
 * Brings back what is valid of the saved runs this page kept aside as unreadable (run-store.ts):
 * read with the check of what comes from outside, a run whose entries are partly not valid comes
 * back without them, under its own id where that is still free (else as a new run), and opened when
 * it was the run being followed. The copy aside stays as it was.
 */
export async function recover(session: RunSession, ui: PageUi): Promise<void> {
	if (!asides.length) return showAsideExport(session, ui);
	const { readRun } = await import('../../model/progress/read-run.ts');
	for (const aside of asides.splice(0)) {
		const id = aside.slice(aside.lastIndexOf(':') + 1);
		let parsed: unknown;
		try {
			parsed = JSON.parse(session.store.get(aside) ?? '');
		} catch {
			continue;
		}
		const read = readRun(id, parsed, {});
		if (!read.ok) continue;
		// A fresh run may have taken its place since (a tick on the default run): it comes back beside it.
		const there = session.all().find((r) => r.id === id);
		const taken = there && (there.events.length || there.values || there.record);
		const name = taken ? `${read.run.name} (recovered)` : read.run.name;
		const run = taken
			? {
					...read.run,
					name,
					id: runIdFor(
						name,
						session.all().map((r) => r.id),
					),
				}
			: read.run;
		keep(session, ui, run);
		if (!taken && currentRunId(session.store, session.runbook) === id) ui.open(id);
		const left = read.dropped ? notValid(read.dropped, 'it') : 'nothing of it was left out';
		ui.say(`“${name}” is back: ${left}. Its saved copy stays aside as "${aside}".`);
	}
	showAsideExport(session, ui);
}

/** The keys of this runbook's saved runs kept aside as unreadable (run-store.ts), by this page or an earlier one. */
const asideKeys = (session: RunSession) =>
	session.store.keys('runsheet:aside:').filter((key) => key.includes(`:${runPrefix(session.runbook)}`));

/** The menu offers their data for export while there are any. */
function showAsideExport(session: RunSession, ui: PageUi): void {
	ui.root.querySelector<HTMLElement>('[data-action="export-aside"]')!.hidden = !asideKeys(session).length;
}

/** Whose run the share link on view is (its maker's initials), for what a merge says. */
let sharedBy: string | undefined;

/** Opens the run a share link carries, read-only, with a banner to save or close it. */
export async function openShare(session: RunSession, ui: PageUi): Promise<void> {
	const banner = shareBanner(ui.root);
	const { readShare } = await sharer();
	const read = await readShare(location.hash.slice(1), ui.page.order, entryRules(ui, session.now()));
	if (!read.ok) return ui.say('This share link could not be read; it may have been cut short when it was copied.');
	const shared = read.snapshot;
	banner.querySelector('[data-share-name]')!.textContent = shared.name;
	const made = banner.querySelector<HTMLElement>('[data-share-made]')!;
	made.textContent = [shared.by ? ` by ${shared.by}` : '', shared.made ? `, shared ${when(shared.made)}` : ''].join('');
	made.hidden = !made.textContent;
	banner.querySelector<HTMLElement>('[data-share-stale]')!.hidden = !shared.stale;
	banner.hidden = false;
	ui.root.dataset.readonly = '';
	session.show({
		...newRun('shared', shared.name, session.now()),
		events: shared.events,
		...(shared.values ? { values: shared.values } : {}),
		...(shared.record ? { record: shared.record } : {}),
	});
	sharedBy = shared.by;
	if (read.dropped) ui.say(leftOut(read.dropped, 'the link').trim());
}

/** The file input serves "Import" (a new run) and "Merge" (into this one): it is told which. */
function pickFile(ui: PageUi, merge: boolean): void {
	const input = ui.root.querySelector<HTMLInputElement>('[data-import-file]')!;
	input.toggleAttribute('data-merge', merge);
	input.click();
}

async function importFile(session: RunSession, ui: PageUi, file: File): Promise<void> {
	const merge = ui.root.querySelector('[data-import-file]')!.hasAttribute('data-merge');
	const [text, { importJson }] = await Promise.all([file.text(), exporter()]);
	const result = importJson(text, 'import', entryRules(ui, session.now()));
	if (!result.ok) return ui.say(`${merge ? 'Merge' : 'Import'} failed: ${result.reason}.`);
	const other = `This run was exported from the runbook “${result.runbook}”.`;
	if (
		result.runbook !== session.runbook &&
		!(await confirmed({ title: 'Use it here anyway?', text: other, ok: 'Use it', cancel: 'Cancel' }))
	)
		return;
	const left = leftOut(result.dropped, 'the file');
	if (merge) return mergeInto(session, ui, result.run, `“${result.run.name}”`, left);
	const name = await askName(
		session,
		ui,
		'Import the run',
		session.all().some((r) => r.name === result.run.name) ? `${result.run.name} (imported)` : result.run.name,
		'Import',
	);
	if (!name) return;
	// A file is a copy: it never joins the live run it may have come from (its room is not taken).
	create(session, ui, name, result.run);
	const live = result.live ? ' It came from a live run; this copy is not live (ask for the live link to join it).' : '';
	if (left || live) ui.say(`Imported as “${name}”.${left}${live}`);
}

/**
 * The run menu closes on a click or tap elsewhere and on Esc, which gives focus back to its
 * button (it covered the N/A buttons below it). Set up with the menu's code, which loads as the
 * hand reaches for the menu.
 */
export function closeMenuOutside(menu: HTMLDetailsElement): void {
	document.addEventListener('pointerdown', (event) => {
		if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
	});
	menu.addEventListener('keydown', (event) => {
		if (event.key !== 'Escape' || !menu.open) return;
		event.preventDefault();
		menu.open = false;
		menu.querySelector('summary')!.focus();
	});
}
