/**
 * The V8 heap limit for `astro build`, in MB. Without a limit V8 lets garbage pile up to about
 * 2 GB at 1,000 runbooks before collecting; 1.5 GB kept that build's process at 1.2 GB for about
 * 10 % more time, its live data well below the limit. The limit grows with the collection (1 MB
 * for every two runbooks above 1,024) so a large one does not run out; RUNSHEET_BUILD_HEAP_MB
 * overrides it.
 */
export function heapLimitMb(runbooks: number, override?: string): number {
	const given = Number(override);
	return given > 0 ? Math.round(given) : Math.max(1536, 1024 + Math.ceil(runbooks / 2));
}
