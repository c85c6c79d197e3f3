import { markArrived } from './arrived.ts';
import { stickyBottom } from './sticky.ts';

// The highlight comes with this chunk, for Next and j / k too (page-events.ts, step-keys.ts): one
// file fetched when first wanted, not in the page's own script.
export { markArrived };

/**
 * Arriving through a link to a step or section (from an alert, a status page, a ticket): the
 * target is unfolded, scrolled below the sticky bars, focused and highlighted until the reader
 * acts. An old id (a `formerIds` entry) is resolved to the current one, with a notice.
 * Loaded only when the URL names an anchor; the page hands in what it already has loaded
 * (opening the option tab a link points into) rather than this chunk importing it.
 */
export async function arrive(root: HTMLElement, openTargetedAlternatives: () => Promise<void>): Promise<void> {
	const hash = location.hash.slice(1);
	if (hash.startsWith('share=') || hash === '_top') return;
	// A fragment cut or typed by hand may not decode ("%E2%9C"): it is then looked for as written.
	let wanted = hash;
	try {
		wanted = decodeURIComponent(hash);
	} catch {
		/* as written */
	}
	const formerIds: Record<string, string> = JSON.parse(root.querySelector('[data-former-ids]')?.textContent || '{}');
	let target = document.getElementById(wanted);
	const moved = !target && Object.hasOwn(formerIds, wanted) ? formerIds[wanted]! : '';
	if (moved) {
		target = document.getElementById(moved);
		history.replaceState(history.state, '', `#${moved}`);
	}
	root.querySelector('.rs-arrival-note')?.remove();
	if (!target) return note(root.querySelector('.rs-meta')!, `Nothing here is called “${wanted}” now: search the page or ask the owners.`);
	// A step (its text carries the id; the step is its item in a step list) or a section heading.
	// STEP (run/dom-steps.ts) written out: imported, this chunk would import the page script's
	// chunk by name, 48 B gzipped that took a step link's page over its 8 KB script budget (8,200 B).
	const holder = target.closest<HTMLElement>('.rs-steps > li, .rs-heading')!;
	// Folded sections open with their own Fold button, which keeps its label right.
	for (let folded = holder.closest('.rs-folded'); folded; folded = holder.closest('.rs-folded')) {
		folded.querySelector<HTMLElement>(':scope > .rs-heading .rs-fold')?.click();
		folded.classList.remove('rs-folded');
	}
	// The option tab a link points into opens before the step is scrolled to.
	await openTargetedAlternatives();
	if (moved) note(holder.querySelector('.rs-step-row') ?? holder, `This link used the old id “${wanted}”; it now leads here (#${moved}).`);
	markArrived(holder);
	requestAnimationFrame(() => {
		window.scrollTo({ top: target.getBoundingClientRect().top + scrollY - stickyBottom() - 8 });
		holder.querySelector<HTMLElement>('.rs-check')?.focus({ preventScroll: true });
	});
}

function note(after: Element, text: string): void {
	const p = document.createElement('p');
	p.className = 'rs-arrival-note';
	p.role = 'status';
	p.textContent = text;
	after.after(p);
}
