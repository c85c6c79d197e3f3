/**
 * What the page's markup says about its steps: which are counted (leaves outside "do one of"
 * options, and option holders), which sub-steps each parent has, which steps each section holds.
 * Read once at start-up; everything else keys on these ids.
 */
export interface StepNode {
	id: string;
	el: HTMLElement;
	box: HTMLInputElement;
	/** The step's row: its box, text, N/A and link; the done/N/A stamp is drawn on it. */
	row: HTMLElement;
	text: string;
	/** What was last shown, so unchanged steps are not touched again. */
	shown?: string;
	/** Counted sub-steps, for a step that groups others. */
	leaves: string[];
	counted: boolean;
}

export interface SectionNode {
	el: HTMLElement;
	heading: HTMLElement;
	steps: string[];
}

export interface PageSteps {
	steps: Map<string, StepNode>;
	order: string[];
	counted: string[];
	sections: SectionNode[];
}

/** A step's item: an `<li>` of a step list. It carries no id of its own: its text does (render/steps.ts). */
export const STEP = '.rs-steps>li';

/** The id of the step an element is in: its text's, which names its box and is where a link to it arrives. */
export const stepIdOf = (el: Element | null): string | undefined => el?.closest(STEP)?.querySelector('.rs-step-text')?.id;

export function readSteps(root: HTMLElement): PageSteps {
	const steps = new Map<string, StepNode>();
	const order: string[] = [];
	for (const el of root.querySelectorAll<HTMLElement>(STEP)) {
		// A step's row comes first in its item, and the row starts with its box and its text (render/steps.ts).
		const row = el.firstElementChild as HTMLElement;
		const [box, text] = row.children as unknown as [HTMLInputElement, HTMLElement];
		const id = text.id;
		// A sub-list is written only with steps in it.
		const hasChildren = !!el.querySelector(':scope > .rs-steps');
		const inOption = !!el.closest('.rs-alternative');
		steps.set(id, {
			id,
			el,
			box,
			row,
			text: text.textContent!.trim(),
			leaves: [],
			counted: !hasChildren && !inOption,
		});
		order.push(id);
	}
	const counted = order.filter((id) => steps.get(id)!.counted);
	for (const node of steps.values()) {
		if (node.counted) continue;
		node.leaves = counted.filter((id) => node.el.contains(steps.get(id)!.el));
	}
	const sections = [...root.querySelectorAll<HTMLElement>('section[data-section]')].map((el) => ({
		el,
		heading: el.querySelector<HTMLElement>(':scope > .rs-heading')!,
		steps: counted.filter((id) => el.contains(steps.get(id)!.el)),
	}));
	return { steps, order, counted, sections };
}
