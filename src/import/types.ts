import type { Section } from '../schema/section.ts';
import type { RecordField, SignoffRole } from '../schema/signoff.ts';
import type { Variable } from '../schema/variables.ts';

/** What the importer produces: a runbook as written to YAML (the id is the file name). */
export interface ImportedRunbook {
	title: string;
	system: string;
	kind?: 'checklist' | 'response';
	summary: string;
	alerts?: string[];
	severity?: string;
	aliases?: string[];
	version?: string;
	lastReviewed?: string;
	order?: number;
	reviewEveryDays?: number;
	formerIds?: string[];
	owners: string[];
	tags: string[];
	source?: string;
	notes?: string[];
	variables?: Variable[];
	sections: Section[];
	signoff?: { roles: SignoffRole[]; record: RecordField[] };
}
