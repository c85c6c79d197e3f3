/**
 * A worker thread of runbook-loader.ts: reads, parses and validates its share of the runbook files.
 * Run by Node itself (not bundled), like the content check, with the same code. A file that fails
 * gives no result: the loader then hands the whole collection to Astro's glob loader.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { validateRunbookSource } from '../validate-runbook.ts';
import { serveJobs } from '../worker-jobs.ts';
import type { ParsedRunbook } from './runbook-loader.ts';

void serveJobs<string, ParsedRunbook | undefined>(async () => async (file) => {
	const source = readFileSync(file, 'utf8');
	const result = validateRunbookSource(source, file);
	return result.ok ? { data: result.runbook, digest: createHash('sha256').update(source).digest('hex').slice(0, 16) } : undefined;
});
