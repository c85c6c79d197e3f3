/**
 * Which rows of the rollback finder's list to show. All that pass, or, with `atMost`, that many
 * at most: those in `first` (which pass) before the others, the others in the list's order.
 */
export function rowsToShow(
	passes: readonly boolean[],
	{ atMost = Infinity, first = new Set<number>() }: { atMost?: number; first?: ReadonlySet<number> } = {},
): boolean[] {
	let room = atMost - [...first].filter((i) => passes[i]).length;
	return passes.map((pass, i) => pass && (first.has(i) || room-- > 0));
}
