import type { PreviousRunbook } from './keep-ids.ts';

/** How to import one document: what the caller knows that the document may not say. */
export interface ImportOptions {
	/** The runbook id (file name); used to guess the system when the title does not name it. */
	id?: string;
	/** The system, whatever the document says. */
	system?: string;
	/** The system of the folder the document is in (its index file's title): below the front matter's own. */
	folderSystem?: string;
	title?: string;
	/** Recorded as `source:` in the runbook; its file name may name the alert the document answers. */
	sourceName?: string;
	/** The runbook file being re-imported over: its ids, former ids and hand-set header are kept. */
	previous?: PreviousRunbook;
	/** Propose variables for placeholders (default true); false keeps the text as written. */
	variables?: boolean;
}
