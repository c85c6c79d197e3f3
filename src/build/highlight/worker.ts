/**
 * The worker thread of highlight-ahead.ts. A module of its own in Astro's build (it is only
 * imported dynamically), so the worker loads what highlighting needs and nothing else.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { serveJobs } from '../worker-jobs.ts';
import { createCodeBlockRenderer, type FrameTexts } from './renderer.ts';

export const WORKER_ROLE = 'runsheet-code-blocks';

/** Where this module is once built: the worker thread loads it. */
export const workerUrl = import.meta.url;

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE)
	void serveJobs((texts: FrameTexts) => createCodeBlockRenderer(texts));
