import { plainText } from '../text.ts';
import type { DataPath } from './types.ts';

/**
 * Where a finding is, as a page can say it: the innermost step or section on its path (its id,
 * to link to, and its words); nothing for the runbook itself.
 */
export function findingPlace(runbook: unknown, path: DataPath): { id?: string; label?: string } {
	let node: unknown = runbook;
	let place: { id?: string; label?: string } = {};
	for (const key of path) {
		node = (node as Record<string | number, unknown> | undefined)?.[key];
		const item = node as { id?: unknown; text?: unknown; title?: unknown } | undefined;
		if (item && typeof item === 'object' && typeof item.id === 'string') {
			const words = typeof item.text === 'string' ? item.text : typeof item.title === 'string' ? item.title : item.id;
			place = { id: item.id, label: plainText(words) };
		}
	}
	return place;
}
