import { checkEntries, cleanInitials, isTime, type EntryRules } from './check.ts';
import { currentRecord } from './record.ts';
import { deriveState, type ProgressEvent, type RecordEntry, type Run } from './run.ts';

/**
 * "Copy share link": a run's state (done / N/A, time, initials, reasons) packed into the URL
 * fragment, so a snapshot travels in a chat message with no server. Steps are named by id when
 * that fits; for big runbooks by position in the runbook, with a fingerprint of the step ids so
 * a link made before the runbook changed is detected instead of being misread.
 */

export const SHARE_PREFIX = 'share=';
/** Links stay under this many characters in the fragment. */
export const SHARE_BUDGET = 1900;

export interface Snapshot {
	name: string;
	events: ProgressEvent[];
	/** The link was made from a different list of steps: positions may not match. */
	stale: boolean;
	/** The run's variable values (secret ones are never in a run, so never in a link). */
	values?: Record<string, string>;
	/** The record fields as filled in when the link was made (their current entries). */
	record?: RecordEntry[];
	/** Who made the link (their initials, when set) and when: the banner says whose run it is. */
	by?: string;
	made?: number;
}

/** Who makes a share link, and when. */
export interface Maker {
	by?: string | undefined;
	made: number;
}

class Writer {
	bytes: number[] = [];
	uint(n: number): void {
		let v = Math.max(0, Math.floor(n));
		while (v >= 0x80) {
			this.bytes.push((v % 0x80) | 0x80);
			v = Math.floor(v / 0x80);
		}
		this.bytes.push(v);
	}
	int(n: number): void {
		this.uint(n < 0 ? -2 * n - 1 : 2 * n);
	}
	text(s: string): void {
		const encoded = new TextEncoder().encode(s);
		this.uint(encoded.length);
		this.bytes.push(...encoded);
	}
}

class Reader {
	pos = 0;
	private readonly bytes: Uint8Array;
	constructor(bytes: Uint8Array) {
		this.bytes = bytes;
	}
	uint(): number {
		let n = 0;
		// At most 8 bytes (56 bits: more than any count or time in seconds needs); longer is not a number.
		for (let scale = 1; scale < 2 ** 56; scale *= 0x80) {
			if (this.pos >= this.bytes.length) throw new Error('truncated');
			const b = this.bytes[this.pos++]!;
			n += (b & 0x7f) * scale;
			if (b < 0x80) return n;
		}
		throw new Error('a number too long');
	}
	int(): number {
		const z = this.uint();
		return z % 2 ? -(z + 1) / 2 : z / 2;
	}
	text(): string {
		const len = this.uint();
		if (this.pos + len > this.bytes.length) throw new Error('truncated');
		const s = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + len));
		this.pos += len;
		return s;
	}
}

/** FNV-1a of the step ids in order: changes when steps are added, removed or moved. */
export function fingerprint(stepIds: readonly string[]): number {
	let h = 0x811c9dc5;
	for (const ch of stepIds.join('\n')) {
		h ^= ch.codePointAt(0)!;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
	const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(out).arrayBuffer());
}

/** A link is at most this long: far beyond any run's (a 300-step run fits in 1,600 characters). */
export const SHARE_MAX_LENGTH = 100_000;
/** What a link may unpack to: a few characters can inflate to gigabytes, which no run needs. */
const UNPACKED_MAX = 1 << 20;

/** Inflates a link's bytes, stopping past UNPACKED_MAX. */
async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
	const parts: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > UNPACKED_MAX) {
			void reader.cancel().catch(() => undefined);
			throw new Error('too big for a share link');
		}
		parts.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** Bytes as URL-safe base64 without padding (a share fragment; a live run's room). */
export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function pack(run: Run, stepIds: readonly string[], byIndex: boolean, maker: Maker | undefined): Uint8Array {
	const entries = [...deriveState(run.events)].sort((a, b) => a[1].t - b[1].t);
	const initials = [...new Set(entries.map(([, s]) => s.by).filter((b): b is string => Boolean(b)))];
	const w = new Writer();
	// Layout 2 adds the run's values after the steps, layout 3 the record fields after them,
	// layout 4 who made the link and when; links of the earlier layouts still open.
	w.uint(4);
	w.uint(byIndex ? 1 : 0);
	w.text(run.name);
	if (byIndex) w.uint(fingerprint(stepIds));
	const base = Math.floor((entries[0]?.[1].t ?? 0) / 1000);
	w.uint(base);
	w.uint(initials.length);
	for (const i of initials) w.text(i);
	w.uint(entries.length);
	const positions = new Map(stepIds.map((id, i) => [id, i]));
	let prevIndex = 0;
	let prevTime = base;
	for (const [step, s] of entries) {
		if (byIndex) {
			const index = positions.get(step) ?? -1;
			w.int(index - prevIndex);
			prevIndex = index;
		} else w.text(step);
		const seconds = Math.floor(s.t / 1000);
		w.uint(seconds - prevTime);
		prevTime = seconds;
		w.uint(((s.by ? initials.indexOf(s.by) + 1 : 0) << 1) | (s.status === 'na' ? 1 : 0));
		if (s.status === 'na') w.text(s.reason ?? '');
	}
	const values = Object.entries(run.values ?? {});
	w.uint(values.length);
	for (const [name, value] of values) {
		w.text(name);
		w.text(value);
	}
	const record = [...currentRecord(run.record).values()];
	w.uint(record.length);
	for (const entry of record) {
		w.text(entry.field);
		w.text(entry.value);
		w.text(entry.by ?? '');
		w.uint(Math.floor(entry.t / 1000));
	}
	w.text(maker?.by ?? '');
	w.uint(Math.floor((maker?.made ?? 0) / 1000));
	return Uint8Array.from(w.bytes);
}

/** The fragment (without "#") that carries the run; steps not in `stepIds` are left out. */
export async function encodeShare(run: Run, stepIds: readonly string[], maker?: Maker): Promise<string> {
	const known = new Set(stepIds);
	const onPage = { ...run, events: run.events.filter((e) => known.has(e.step)) };
	const byId = toBase64Url(await pipe(pack(onPage, stepIds, false, maker), new CompressionStream('deflate-raw')));
	if (byId.length + SHARE_PREFIX.length <= SHARE_BUDGET) return SHARE_PREFIX + byId;
	return SHARE_PREFIX + toBase64Url(await pipe(pack(onPage, stepIds, true, maker), new CompressionStream('deflate-raw')));
}

/**
 * Reads a share fragment as it was written; throws on anything that is not one. What it carries
 * is not checked here: `readShare` does that.
 */
export async function decodeShare(fragment: string, stepIds: readonly string[]): Promise<Snapshot> {
	if (!fragment.startsWith(SHARE_PREFIX)) throw new Error('not a share link');
	if (fragment.length > SHARE_MAX_LENGTH) throw new Error('too long for a share link');
	const r = new Reader(await inflate(fromBase64Url(fragment.slice(SHARE_PREFIX.length))));
	const layout = r.uint();
	if (layout < 1 || layout > 4) throw new Error('unknown share link version');
	const byIndex = r.uint() === 1;
	const name = r.text();
	const stale = byIndex ? r.uint() !== fingerprint(stepIds) : false;
	let time = r.uint();
	const initials: string[] = [];
	for (let n = r.uint(); n > 0; n--) initials.push(r.text());
	const count = r.uint();
	const events: ProgressEvent[] = [];
	let index = 0;
	for (let i = 0; i < count; i++) {
		let step: string | undefined;
		if (byIndex) {
			index += r.int();
			step = stepIds[index];
		} else step = r.text();
		time += r.uint();
		const flags = r.uint();
		const na = (flags & 1) === 1;
		const by = initials[Math.floor(flags / 2) - 1];
		const reason = na ? r.text() : '';
		// A position past the runbook's steps is kept as no step: the check counts it.
		events.push({ t: time * 1000, step: step ?? '', action: na ? 'na' : 'tick', ...(by ? { by } : {}), ...(reason ? { reason } : {}) });
	}
	const values: [string, string][] = [];
	if (layout >= 2) for (let n = r.uint(); n > 0; n--) values.push([r.text(), r.text()]);
	const record: RecordEntry[] = [];
	if (layout >= 3)
		for (let n = r.uint(); n > 0; n--) {
			const [field, value, by] = [r.text(), r.text(), r.text()];
			const t = r.uint() * 1000;
			// An empty value is not written to a link (only current entries are): one is no entry.
			if (value) record.push({ t, field, value, ...(by ? { by } : {}) });
		}
	const by = layout >= 4 ? r.text() : '';
	const made = layout >= 4 ? r.uint() * 1000 : 0;
	return {
		name,
		events,
		stale,
		...(values.length ? { values: Object.fromEntries(values) } : {}),
		...(record.length ? { record } : {}),
		...(by ? { by } : {}),
		...(made ? { made } : {}),
	};
}

export type ShareResult = { ok: true; snapshot: Snapshot; dropped: number } | { ok: false; reason: string };

/**
 * What the page does with a share link: reads it (never throwing), and holds what it carries to
 * the check of what comes from outside (check.ts): an entry that is not valid is left out and
 * counted, as are whose link it is and when it was made when those are not valid.
 */
export async function readShare(fragment: string, stepIds: readonly string[], rules: EntryRules): Promise<ShareResult> {
	let raw: Snapshot;
	try {
		raw = await decodeShare(fragment, stepIds);
	} catch (error) {
		return { ok: false, reason: error instanceof Error ? error.message : 'unreadable' };
	}
	const { name, events, values, record, dropped } = checkEntries(raw, rules);
	const by = raw.by === undefined || cleanInitials(raw.by) === raw.by ? raw.by : undefined;
	const made = raw.made === undefined || isTime(raw.made, rules) ? raw.made : undefined;
	return {
		ok: true,
		snapshot: {
			name: name ?? 'Shared run',
			events,
			stale: raw.stale,
			...(values ? { values } : {}),
			...(record ? { record } : {}),
			...(by ? { by } : {}),
			...(made ? { made } : {}),
		},
		dropped: dropped + Number(by !== raw.by) + Number(made !== raw.made),
	};
}
