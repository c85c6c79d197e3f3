import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { checkEntries, notValid } from '../../model/progress/check.ts';
import { eventKey, mergeRuns, recordKey } from '../../model/progress/merge.ts';
import type { ProgressEvent, RecordEntry, Run } from '../../model/progress/run.ts';
import { entryRules, type PageUi } from './page-ui.ts';
import type { RunSession } from './session.ts';

/**
 * Live runs: several responders on one run. The run's event log, record and values are mirrored in
 * a Yjs document that the site's sync server (y-websocket) relays between the browsers that opened
 * the run's live link; Yjs merges concurrent and offline changes. The run in localStorage stays
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
	readonly provider: WebsocketProvider;
	/** Whether this page has been in step with the server once: until then nothing is pushed, so a
	 * page opened offline does not add the events the server already holds a second time. */
	private synced = false;
	private wasConnected = false;
	/** The values as last agreed with the document: what changed on either side is told apart. */
	private agreed: Record<string, string> = {};
	/** Entries of the document not valid, as last counted: said again only when there are more. */
	private dropped = 0;
	private readonly stop: (() => void)[] = [];
	/** The run bar's word for the connection (content/settings.yaml names a sync server, so it is there). */
	private readonly word: HTMLElement;

	constructor(
		private readonly session: RunSession,
		private readonly ui: PageUi,
		url: string,
		readonly room: string,
	) {
		this.word = ui.root.querySelector<HTMLElement>('[data-live]')!;
		// A page on a bad network retries every second at most.
		this.provider = new WebsocketProvider(url, room, this.doc, { maxBackoffTime: 1000 });
		this.provider.on('status', ({ status }) => {
			if (status === 'connected') this.wasConnected = true;
			this.show();
		});
		this.provider.on('sync', (synced: boolean) => {
			if (synced) {
				this.synced = true;
				this.pull();
				this.push();
			}
			this.show();
		});
		this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin !== this && this.synced) this.pull();
		});
		const { awareness } = this.provider;
		awareness.setLocalState({ by: session.operator() ?? '', step: '' } satisfies Presence);
		awareness.on('change', () => this.showPresence());
		// Where this responder is: the step that has focus (ticking one focuses it).
		const focus = (event: FocusEvent) => {
			const step = (event.target as HTMLElement).closest<HTMLElement>('[data-step]')?.dataset.step;
			if (step) awareness.setLocalStateField('step', step);
		};
		// The browser knows first when the network goes: the socket would only time out.
		const offline = () => this.provider.disconnect();
		const online = () => this.provider.connect();
		ui.root.addEventListener('focusin', focus);
		addEventListener('offline', offline);
		addEventListener('online', online);
		this.stop.push(
			() => ui.root.removeEventListener('focusin', focus),
			() => removeEventListener('offline', offline),
			() => removeEventListener('online', online),
		);
		if (!navigator.onLine) this.provider.disconnect();
		this.show();
	}

	get state(): LiveState {
		if (this.provider.wsconnected && this.synced) return 'live';
		return this.wasConnected || this.provider.wsUnsuccessfulReconnects > 0 || !this.provider.shouldConnect ? 'offline' : 'connecting';
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
		const { awareness } = this.provider;
		const others = [...awareness.getStates()]
			.filter(([client]) => client !== this.doc.clientID)
			.map(([, state]) => state as Partial<Presence>);
		const word = { live: 'Live', connecting: 'Connecting', offline: 'Offline' }[this.state];
		const names = others.map((o) => o.by || 'someone');
		el.textContent = names.length ? `${word} · with ${names.join(', ')}` : word;
		el.title =
			this.state === 'offline'
				? 'Not connected: your ticks are kept here and sent when the connection is back.'
				: `Live run: ticks appear on everyone's screen.${names.length ? ` Here: ${names.join(', ')}.` : ''}`;
		// Beside each step, who is at it.
		const at = new Map<string, string[]>();
		for (const o of others) if (o.step) at.set(o.step, [...(at.get(o.step) ?? []), o.by || 'someone']);
		for (const node of this.ui.page.steps.values()) {
			const here = at.get(node.id)?.join(', ');
			if (here) node.row.dataset.here = here;
			else node.row.removeAttribute('data-here');
		}
	}

	close(): void {
		for (const undo of this.stop) undo();
		this.provider.awareness.setLocalState(null);
		this.provider.destroy();
		this.doc.destroy();
		this.word.hidden = true;
		for (const node of this.ui.page.steps.values()) node.row.removeAttribute('data-here');
	}
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
