import type { Section } from '../schema/section.ts';

/**
 * A response runbook's prose up front (Meaning, Impact) cut to what a responder reads first: one
 * sentence, the rest one tap away (render/sections.ts folds it). Issue 36: step 1 on the first
 * screen of a phone.
 */

/** Kinds whose text is folded behind their first sentence on a response runbook's page. */
export const BRIEF_KINDS: ReadonlySet<string> = new Set(['overview', 'impact']);
/** Kinds whose steps come first: their words before the steps fold the same way. */
export const RESPONSE_STEP_KINDS: ReadonlySet<string> = new Set(['diagnosis', 'mitigation']);

export interface Brief {
	/** The first sentence, Markdown (inline). */
	lead: string;
	/** The rest of the paragraph the lead came from, Markdown (inline), or ''. */
	after: string;
	/** The lead came from the first note, not the description: that note is not shown again. */
	fromNote: boolean;
}

// A sentence ends at . ! or ? followed by a space and a capital, a digit, a quote or a code span:
// "e.g. the pod" and "v1.2 is" do not end one.
const SENTENCE_END = /[.!?](?=\s+[A-Z0-9`"'*_([])/;

/** Splits inline Markdown after its first sentence: [sentence, rest]. */
export function firstSentence(markdown: string): [string, string] {
	const text = markdown.replace(/\s+/g, ' ').trim();
	const end = SENTENCE_END.exec(text);
	if (!end) return [text, ''];
	const cut = end.index + 1;
	return [text.slice(0, cut), text.slice(cut).trim()];
}

/** A note that is one plain paragraph (no list, code, table or heading): it can give the lead. */
const isParagraph = (note: string) => !/^\s*([-*+>#|]|\d+[.)]\s|```|~~~|\s{4})/m.test(note) && !/\n\s*\n/.test(note.trim());

/** The section's lead sentence and what stays beside it, or undefined when it has no paragraph to lead with. */
export function sectionBrief(section: Pick<Section, 'description' | 'notes'>): Brief | undefined {
	if (section.description?.trim()) {
		const [lead, after] = firstSentence(section.description);
		return { lead, after, fromNote: false };
	}
	const note = section.notes?.[0];
	if (note && isParagraph(note)) {
		const [lead, after] = firstSentence(note);
		return { lead, after, fromNote: true };
	}
	return undefined;
}
