import type { EntryRules } from './check.ts';
import { encodeRun } from './codec.ts';
import { readRun } from './read-run.ts';
import { currentRecord } from './record.ts';
import type { Run } from './run.ts';
import { isoWithOffset, offsetAt } from '../time.ts';
import { countText, type Tally } from './summary.ts';

/** A run exported as JSON, for a ticket or to move it to another browser. */
export interface RunExport {
	format: 'runsheet-run';
	runbook: string;
	/** Absent for a runbook without a version (imported, not yet versioned). */
	runbookVersion?: string | undefined;
	exported: string;
	run: unknown;
}

export function exportJson(run: Run, runbook: { id: string; version?: string | undefined }, now: number): string {
	const payload: RunExport = {
		format: 'runsheet-run',
		runbook: runbook.id,
		runbookVersion: runbook.version,
		exported: isoWithOffset(now, offsetAt(now, run.utc)),
		// A live run's room is the key to it: a file passed on does not carry it.
		run: JSON.parse(encodeRun({ ...run, live: undefined })),
	};
	return `${JSON.stringify(payload, null, 2)}\n`;
}

/**
 * What an import read: the run (without a live run's room: a file never joins anyone's run), its
 * runbook, how many of its entries were not valid (left out), and whether it named a room.
 */
export type ImportResult = { ok: true; run: Run; runbook: string; dropped?: number; live?: true } | { ok: false; reason: string };

/**
 * Reads an exported run, never throwing; the caller gives it a new id and decides about name
 * clashes. Its entries are held to the check of what comes from outside (check.ts): on a step of
 * this runbook when `rules.steps` names them, at a time not later than now.
 */
export function importJson(text: string, newId: string, rules: EntryRules = { now: Date.now() }): ImportResult {
	let data: Partial<RunExport>;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'the file is not JSON' };
	}
	if (data?.format !== 'runsheet-run' || typeof data.runbook !== 'string')
		return { ok: false, reason: 'the file is not a Runsheet run export' };
	const decoded = readRun(newId, data.run, rules);
	if (!decoded.ok) return { ok: false, reason: `the run in it is unreadable (${decoded.reason})` };
	const { live, ...run } = decoded.run;
	const { dropped } = decoded;
	return { ok: true, run, runbook: data.runbook, ...(dropped ? { dropped } : {}), ...(live ? { live: true } : {}) };
}

const ACTION_WORDS = { tick: 'done', untick: 'unticked', na: 'marked N/A', clear: 'N/A cleared' } as const;

/** Escapes what Markdown tables and inline text would read as syntax. */
function md(text: string): string {
	return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/** The run as a Markdown timeline, for a ticket or a postmortem; times in ISO 8601 with their offset. */
export function exportMarkdown(
	run: Run,
	runbook: { title: string; url: string },
	stepText: (id: string) => string,
	counts: Tally,
	fieldLabel: (id: string) => string = (id) => id,
): string {
	const iso = (t: number) => isoWithOffset(t, offsetAt(t, run.utc));
	const lines = [
		`# ${md(runbook.title)}: ${md(run.name)}`,
		'',
		`- Runbook: ${runbook.url}`,
		`- Started: ${iso(run.created)}`,
		`- Last activity: ${iso(run.updated)}`,
		`- Progress: ${countText(counts)}`,
		...[...currentRecord(run.record).values()].map(
			(r) => `- ${md(fieldLabel(r.field))}: ${md(r.value)} (${r.by ? `${md(r.by)}, ` : ''}${iso(r.t)})`,
		),
		...Object.entries(run.values ?? {}).map(([name, value]) => `- Value ${name}: ${md(value)}`),
		'',
		'| Time | Step | Action | By | Note |',
		'| --- | --- | --- | --- | --- |',
		...run.events.map(
			(e) => `| ${iso(e.t)} | ${md(stepText(e.step))} | ${ACTION_WORDS[e.action]} | ${md(e.by ?? '')} | ${md(e.reason ?? '')} |`,
		),
	];
	return `${lines.join('\n')}\n`;
}
