import type { SignoffRole } from '../schema/signoff.ts';

/** Words that name a position, not what it answers for. */
const GENERIC = new Set(
	'lead leader head review reviewer team approval approver approve owner manager admin administrator engineer sign off signoff and the of for on call deployment deploy production release'.split(
		' ',
	),
);

const words = (text: string) =>
	text
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 2 && !GENERIC.has(w));

/**
 * Which parts (top-level sections) a sign-off role signs when one is printed alone, proposed from
 * the words they share: "Database Admin" signs "Database Migration", "Security Review" a
 * "Security" part. A role that shares none is left without `parts` (it signs the whole sheet), and
 * so is the first role, the lead, who signs every part.
 */
export function proposeRoleParts(roles: SignoffRole[], parts: { id: string; title: string }[]): SignoffRole[] {
	return roles.map((role, index) => {
		if (index === 0) return role;
		const own = new Set(words(role.title));
		const matched = parts.filter((part) => words(part.title).some((w) => own.has(w))).map((part) => part.id);
		return matched.length ? { ...role, parts: matched } : role;
	});
}
