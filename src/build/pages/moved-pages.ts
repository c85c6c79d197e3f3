/** The old URLs of renamed runbooks (their `formerIds`), each a static redirect page (src/routes/[...moved].astro). */
import { getCollection } from 'astro:content';
import { runbookMoves } from '../../model/former-runbooks.ts';
import { rollbackContent } from '../../model/rollback.ts';

export async function movedPagePaths() {
	const runbooks = (await getCollection('runbooks')).map((entry) => ({
		id: entry.id,
		title: entry.data.title,
		formerIds: entry.data.formerIds,
		hasRollback: rollbackContent(entry.data.sections) !== undefined,
	}));
	return runbookMoves(runbooks).map((move) => ({ params: { moved: move.from }, props: move }));
}
