import type { Dialog, Page } from '@playwright/test';

const queues = new WeakMap<Page, (string | null)[]>();

/**
 * Answers the page's next prompt or confirm with `value` (null dismisses). Answers queue up in
 * order, and each dialog takes one, so it does not matter whether a dialog opens during the
 * click or a moment later (the run menu's actions load on first use).
 */
export function answer(page: Page, value: string | null): void {
	let queue = queues.get(page);
	if (!queue) {
		const fresh: (string | null)[] = [];
		queues.set(page, fresh);
		page.on('dialog', (dialog: Dialog) => {
			const next = fresh.shift();
			void (next === null || next === undefined ? dialog.dismiss() : dialog.accept(next));
		});
		queue = fresh;
	}
	queue.push(value);
}
