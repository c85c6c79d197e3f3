/**
 * A worker thread of runbook-loader.ts: reads, parses and validates its share of the runbook files,
 * as the content check does (its fast path, without warnings: the check prints those). Run by
 * Node itself, not bundled. A file that fails gives no result: the loader then hands the whole
 * collection to Astro's glob loader.
 */
import { readFileSync } from 'node:fs';
import { parseRunbookSource } from '../validate-runbook.ts';
import { serveJobs } from '../worker-jobs.ts';
import { sourceDigest } from './checked-runbooks.ts';
import type { ParsedRunbook } from './runbook-loader.ts';

void serveJobs<string, ParsedRunbook | undefined>(async () => async (file) => {
	const source = readFileSync(file, 'utf8');
	const data = parseRunbookSource(source);
	return data && { data, digest: sourceDigest(source) };
});
