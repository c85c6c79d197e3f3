/** One change to a document's text ([start, end) replaced), and what the import says of it. */
export interface TextEdit {
	start: number;
	end: number;
	text: string;
}

/** What a convention's reader found: changes to make, and notes for the import's warnings ("line 4: …"). */
export interface ConventionRead {
	edits: TextEdit[];
	notes: string[];
}

/** A bit of source quoted in a note, on one line and not too long. */
export function quoted(source: string): string {
	const line = source.replace(/\s+/g, ' ').trim();
	return `\`${line.length > 60 ? `${line.slice(0, 57)}…` : line}\``;
}
