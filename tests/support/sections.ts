import type { Section } from '../../src/schema/section.ts';
import type { Step } from '../../src/schema/step.ts';

/** The section of that id at any depth of an imported runbook; throws, naming the ids there are. */
export function sectionById(sections: Section[], id: string): Section {
	const search = (list: Section[]): Section | undefined => {
		for (const s of list) {
			if (s.id === id) return s;
			const found = s.sections && search(s.sections);
			if (found) return found;
		}
		return undefined;
	};
	const found = search(sections);
	if (!found) throw new Error(`no section ${id} in ${JSON.stringify(sections.map((s) => s.id))}`);
	return found;
}

/** The texts of some steps, in order. */
export const stepTexts = (steps: Step[] | undefined) => (steps ?? []).map((s) => s.text);
