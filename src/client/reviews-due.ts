/**
 * Lists of reviews overdue (the catalog's, the home page's) name the reviews due at build time
 * and, hidden, the next ones: the site may not be rebuilt daily, so each shows itself once its day
 * comes, and its list with it. A list may show only its first `data-show` items, and leave out of
 * its markup the reviews due that it would not show (`data-overdue-elsewhere` counts them); its
 * `data-overdue-count` says how many are due in all.
 */
export function showReviewsDue(today = new Date().toISOString().slice(0, 10)): void {
	for (const list of document.querySelectorAll<HTMLElement>('[data-overdue]')) {
		const due = [...list.querySelectorAll<HTMLElement>('[data-review-due]')].filter((item) => item.dataset.reviewDue! <= today);
		const show = Number(list.dataset.show) || Infinity;
		due.forEach((item, i) => (item.hidden = i >= show));
		if (due.length) list.hidden = false;
		const total = due.length + Number(list.dataset.overdueElsewhere ?? 0);
		for (const count of list.querySelectorAll<HTMLElement>('[data-overdue-count]')) count.textContent = String(total);
		for (const more of list.querySelectorAll<HTMLElement>('[data-overdue-more]')) more.hidden = total <= show;
	}
}
