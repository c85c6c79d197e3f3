import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { checkEntries, notValid } from '../../model/progress/check.ts';
import { eventKey, mergeRuns, recordKey } from '../../model/progress/merge.ts';
import type { ProgressEvent, RecordEntry, Run } from '../../model/progress/run.ts';
import { stepIdOf } from './dom-steps.ts';
import { entryRules, type PageUi } from './page-ui.ts';
import type { RunSession } from './session.ts';

/**
 * Live runs: several responders on one run. The run's event log, record and values are mirrored in
 * a Yjs document that the site's sync server (Hocuspocus: src/sync/server.ts) relays between the
 * browsers that opened the run's live link; Yjs merges concurrent and offline changes. The page
 * gives the server a token at each connection: one built into the site (`sync.token`), or a
 * short-lived one fetched with the site's cookies (`sync.tokenUrl`). The run in localStorage stays
 * the local copy: what arrives is merged into it (model/progress/merge.ts: the union of the logs,
 * the latest event deciding a step), what is done here is added to the document. Secret values
 * are never in a run, so never in the document.
 *
 * Loaded only for a live run (run-actions.ts follows the current run, and makes, joins and leaves
 * live runs: none of that needs this code).
 */

/** One word for the run bar. */
export type LiveState = 'live' | 'connecting' | 'offline';

interface Presence {
	by: string;
	step: string;
}

class LiveLink {
	readonly doc = new Y.Doc();
	readonly events = this.doc.getArray<ProgressEvent>('events');
	readonly record = this.doc.getArray<RecordEntry>('record');
	readonly values = this.doc.getMap<string>('values');
	readonly meta = this.doc.getMap<string>('meta');
	/** The connection, and the room over it. */
	readonly socket: HocuspocusProviderWebsocket;
	readonly provider: HocuspocusProvider;
	/** Whether this page has been in step with the server once: until then nothing is pushed, so a
	 * page opened offline does not add the events the server already holds a second time. */
	private synced = false;
	private wasConnected = false;
	private failures = 0;
	/** Why this page was last kept out of the room (no token, a token refused, a room too large), until it gets in. */
	private refused = '';
	/** Why the last token could not be fetched. */
	private tokenProblem = '';
	private retry: ReturnType<typeof setTimeout> | undefined;
	/** The values as last agreed with the document: what changed on either side is told apart. */
	private agreed: Record<string, string> = {};
	/** Entries of the document not valid, as last counted: said again only when there are more. */
	private dropped = 0;
	private readonly stop: (() => void)[] = [];
	/** The run bar's word for the connection (runsheet.config.yaml names a sync server, so it is there). */
	private readonly word: HTMLElement;

	constructor(
		private readonly session: RunSession,
		private readonly ui: PageUi,
		url: string,
		readonly room: string,
	) {
		this.word = ui.root.querySelector<HTMLElement>('[data-live]')!;
		const { syncToken, syncTokenUrl } = ui.root.querySelector<HTMLElement>('[data-runbar]')!.dataset;
		// A page on a bad network retries within a second at most. Offline, it waits for the network.
		this.socket = new HocuspocusProviderWebsocket({
			url,
			delay: 250,
			minDelay: 250,
			factor: 2,
			maxDelay: 1000,
			jitter: false,
			autoConnect: navigator.onLine,
		});
		this.provider = new HocuspocusProvider({
			websocketProvider: this.socket,
			name: room,
			document: this.doc,
			// Asked at every connection: a fetched token is fresh each time.
			token: syncTokenUrl
				? () =>
						fetchToken(syncTokenUrl).catch((error: Error) => {
							this.tokenProblem = error.message;
							throw error;
						})
				: (syncToken ?? null),
		});
		this.socket.on('status', ({ status }: { status: WebSocketStatus }) => {
			if (status === WebSocketStatus.Connected) this.wasConnected = true;
			this.show();
		});
		this.socket.on('disconnect', () => {
			this.failures++;
			this.show();
		});
		this.provider.on('synced', () => {
			this.synced = true;
			this.refused = '';
			this.pull();
			this.push();
			this.show();
		});
		// Kept out (no token, a token refused, a room at its size limit): said, and tried again on a
		// new connection a little later, with a new token.
		const refused = (reason: string) => {
			this.refused = this.tokenProblem || reason;
			this.tokenProblem = '';
			this.show();
			clearTimeout(this.retry);
			this.retry = setTimeout(() => this.provider.isSynced || this.socket.webSocket?.close(), 5000);
		};
		this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => refused(reason));
		// The server closes the room (code 1000, its reason: src/sync/server.ts) when a change would
		// grow it past its limit, and the socket (1009) on a frame too large.
		this.provider.on('close', ({ event }: { event: { code?: number; reason?: string } }) => {
			if (event.reason === 'room-full' || event.code === 1009) refused('the live run is at the sync server’s size limit');
			this.show();
		});
		this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin !== this && this.synced) this.pull();
		});
		this.provider.attach();
		const awareness = this.provider.awareness!;
		awareness.setLocalState({ by: session.operator() ?? '', step: '' } satisfies Presence);
		awareness.on('change', () => this.showPresence());
		// Where this responder is: the step that has focus (ticking one focuses it).
		const focus = (event: FocusEvent) => {
			const step = stepIdOf(event.target as Element);
			if (step) awareness.setLocalStateField('step', step);
		};
		// The browser knows first when the network goes: the socket would only time out.
		const offline = () => this.socket.disconnect();
		const online = () => void this.socket.connect();
		ui.root.addEventListener('focusin', focus);
		addEventListener('offline', offline);
		addEventListener('online', online);
		this.stop.push(
			() => ui.root.removeEventListener('focusin', focus),
			() => removeEventListener('offline', offline),
			() => removeEventListener('online', online),
		);
		this.show();
	}

	get state(): LiveState {
		if (this.socket.status === WebSocketStatus.Connected && this.provider.isSynced) return 'live';
		return this.wasConnected || this.failures > 0 || this.refused || !this.socket.shouldConnect ? 'offline' : 'connecting';
	}

	/** Adds to the document what this run has and the document lacks. */
	push(): void {
		const { run } = this.session;
		if (!this.synced || run.live !== this.room) return;
		const known = new Set(this.events.toArray().map((e) => eventKey(e)));
		const events = run.events.filter((e) => !known.has(eventKey(e)));
		const knownRecord = new Set(this.record.toArray().map((r) => recordKey(r)));
		const record = (run.record ?? []).filter((r) => !knownRecord.has(recordKey(r)));
		const values = run.values ?? {};
		const changed = [...new Set([...Object.keys(values), ...Object.keys(this.agreed)])].filter((n) => values[n] !== this.agreed[n]);
		if (!events.length && !record.length && !changed.length && this.meta.get('name')) return;
		this.doc.transact(() => {
			if (events.length) this.events.push(events);
			if (record.length) this.record.push(record);
			for (const name of changed) {
				if (values[name] === undefined) this.values.delete(name);
				else this.values.set(name, values[name]);
			}
			if (!this.meta.get('name')) this.meta.set('name', run.name);
		}, this);
		this.agreed = { ...values };
	}

	/** Merges what the document holds into this run (saved, and shown). */
	pull(): void {
		const { run } = this.session;
		if (run.live !== this.room) return;
		// What the others sent is checked as anything from outside is (model/progress/check.ts).
		const checked = checkEntries(
			{ events: this.events.toArray(), record: this.record.toArray(), values: this.values.toJSON(), name: this.meta.get('name') },
			entryRules(this.ui, this.session.now()),
		);
		if (checked.dropped > this.dropped) this.ui.say(`${notValid(checked.dropped, 'the live run')}.`);
		this.dropped = checked.dropped;
		const merged = mergeRuns(run, { events: checked.events, record: checked.record }).run;
		// Values changed in the document since last agreed are taken; values changed here and
		// not yet pushed stay.
		const remote = checked.values ?? {};
		const values = { ...merged.values };
		let valuesChanged = false;
		for (const name of new Set([...Object.keys(remote), ...Object.keys(this.agreed)])) {
			if (remote[name] === this.agreed[name] || values[name] === remote[name]) continue;
			valuesChanged = true;
			if (remote[name] === undefined) delete values[name];
			else values[name] = remote[name];
		}
		this.agreed = remote;
		const { name } = checked;
		if (merged === run && !valuesChanged && (!name || name === run.name)) return;
		const next: Run = { ...merged, ...(name ? { name } : {}) };
		if (Object.keys(values).length) next.values = values;
		else delete next.values;
		this.session.keep(next);
	}

	/** The run bar's word for the connection, and who else is here. */
	show(): void {
		this.word.hidden = false;
		this.word.dataset.state = this.state;
		this.showPresence();
	}

	showPresence(): void {
		const el = this.word;
		const awareness = this.provider.awareness!;
		const others = [...awareness.getStates()]
			.filter(([client]) => client !== this.doc.clientID)
			.map(([, state]) => state as Partial<Presence>);
		const word = { live: 'Live', connecting: 'Connecting', offline: 'Offline' }[this.state];
		const names = others.map((o) => o.by || 'someone');
		el.textContent = names.length ? `${word} · with ${names.join(', ')}` : word;
		el.title = this.refused
			? `This page could not join the live run (${this.refused}): your ticks are kept here; it tries again in a few seconds.`
			: this.state === 'offline'
				? 'Not connected: your ticks are kept here and sent when the connection is back.'
				: `Live run: ticks appear on everyone's screen.${names.length ? ` Here: ${names.join(', ')}.` : ''}`;
		// Beside each step, who is at it.
		const at = new Map<string, string[]>();
		for (const o of others) if (o.step) at.set(o.step, [...(at.get(o.step) ?? []), o.by || 'someone']);
		for (const node of this.ui.page.steps.values()) showHere(node.row, at.get(node.id)?.join(', '));
	}

	close(): void {
		for (const undo of this.stop) undo();
		clearTimeout(this.retry);
		this.provider.awareness?.setLocalState(null);
		this.provider.destroy();
		this.socket.destroy();
		this.doc.destroy();
		this.word.hidden = true;
		for (const node of this.ui.page.steps.values()) showHere(node.row, undefined);
	}
}

/**
 * Who else is at a step, as an element of its row: a pseudo-element cannot carry it, since a
 * numbered step's row shows its number with ::before and its stamp with ::after.
 */
function showHere(row: HTMLElement, here: string | undefined): void {
	let mark = row.querySelector<HTMLElement>(':scope > .rs-here');
	if (!here) {
		row.removeAttribute('data-here');
		mark?.remove();
		return;
	}
	row.dataset.here = here;
	if (!mark) {
		mark = document.createElement('span');
		mark.className = 'rs-here';
		row.append(mark);
	}
	mark.textContent = `◉ ${here}`;
	mark.title = `Here: ${here}`;
}

/** A short-lived token from the site's token URL, fetched with the site's cookies (the team's sign-in). */
async function fetchToken(url: string): Promise<string> {
	const response = await fetch(url, { credentials: 'include', cache: 'no-store' });
	if (!response.ok) throw new Error(`no token: ${url} answered ${response.status}`);
	const { token } = (await response.json()) as { token?: unknown };
	if (typeof token !== 'string') throw new Error(`no token from ${url}`);
	return token;
}

let link: LiveLink | undefined;

/** Connects to the current run's room when it is live, and leaves a room no longer shown. */
export function follow(session: RunSession, ui: PageUi, url: string): void {
	const room = session.snapshot ? undefined : session.run.live;
	if (link && link.room !== room) {
		link.close();
		link = undefined;
	}
	if (room && !link) link = new LiveLink(session, ui, url, room);
	link?.push();
	for (const el of ui.root.querySelectorAll<HTMLElement>('[data-live-on]')) el.hidden = !room;
	for (const el of ui.root.querySelectorAll<HTMLElement>('[data-live-off]')) el.hidden = Boolean(room);
}
