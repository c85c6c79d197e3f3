/**
 * What the site's settings say on every page that follows a run (a runbook page and a rollback
 * page): whether the runbook's review is overdue as the site is built, and the sync server of live
 * runs, if the site names one. Components render them and read no settings themselves.
 */
import type { Runbook } from '../../schema/runbook.ts';
import { isoDay, runbookReview } from '../../model/review.ts';
import { settings } from '../context.ts';
import { synonymGroups } from '../../model/search-synonyms.ts';

export function runPageSettings(runbook: Runbook, builtOn = new Date()) {
	return {
		review: runbookReview(runbook, settings.reviewEveryDays, isoDay(builtOn)),
		// Live runs' controls exist only on a site that names a sync server (runsheet.config.yaml `sync`:
		// its URL, and the token setting pages get in with).
		sync: settings.sync,
		// Symptom words for the search keywords: the built-in groups and the site's (`search.synonyms`).
		synonyms: synonymGroups(settings.search?.synonyms),
	};
}
