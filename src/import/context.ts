import GithubSlugger from 'github-slugger';
import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import type { Position } from 'unist';
import type { Command } from '../schema/command.ts';
import type { Section, SectionKind } from '../schema/section.ts';
import type { RecordField, SignoffRole } from '../schema/signoff.ts';
import type { Alternative, Step } from '../schema/step.ts';
import { IdAllocator } from '../model/ids.ts';
import { RESERVED_IDS } from '../schema/ids.ts';
import { withoutDisclosures } from './disclosures.ts';
import type { FrontMatter } from './front-matter.ts';
import { takePin, type PinSite } from './pins.ts';
import { RESPONSE_STEP_KINDS } from './response.ts';
import type { ImportOptions } from './options.ts';

/**
 * What the readers share while they walk one document: where content goes now (the sink stack),
 * the id allocators, what has been read so far, and the source text to slice. The readers
 * (readers/) are functions of this context and one kind of Markdown node; nothing else is shared,
 * so a new reader needs only this module.
 */

/** Where imported content goes: a section, one option of a step, or a step written as a heading. */
export interface Sink {
	kind: SectionKind;
	title: string;
	steps: Step[];
	addNote(markdown: string): void;
	/** A heading inside a step or an option: its title in bold, in order with the blocks under it (else a note). */
	addHeading?(title: string): void;
	/** Commands that stand alone in this sink, not under a step. */
	addCommands?(commands: Command[]): boolean;
	section?: Section;
}

/** One open heading. `implicit`: a section the document does not write, opened for the step headings under it. */
export interface StackEntry {
	depth: number;
	sink: Sink;
	implicit?: boolean;
	step?: boolean;
}

/** A step's words as a reader sees them, for its id: a link's text, not its address. */
export const linkTexts = (text: string) => text.replace(/\]\([^)]*\)/g, ']');

export class ImportContext {
	readonly ids = new IdAllocator(RESERVED_IDS);
	readonly warnings: string[] = [];
	readonly sections: Section[] = [];
	/** Prose before the first heading: the runbook's own notes. */
	readonly preamble: string[] = [];
	readonly roles: SignoffRole[] = [];
	readonly record: RecordField[] = [];
	readonly roleIds = new IdAllocator();
	readonly fieldIds = new IdAllocator();
	readonly meta: { version?: string; lastReviewed?: string; purpose?: string } = {};
	title?: string;
	summary?: string;
	/** A document in the response shape: Meaning, Impact, Diagnosis, Mitigation and the like. */
	response = false;
	frontMatter: FrontMatter = { owners: [], tags: [], aliases: [], alerts: [], ignored: [] };
	/** Anchors as the source's site generator made them from headings. */
	readonly slugger = new GithubSlugger();
	readonly anchors = new Map<string, string>();
	readonly pins: PinSite[] = [];
	stack: StackEntry[] = [];
	/** Lines in bold that stand for headings, with their text (see readers/document.ts). */
	readonly boldHeadings = new Map<Paragraph, string>();
	/** The step the previous block ended on, so a code block right after an item joins it. */
	lastStep?: Step;
	/**
	 * Sections where steps were read from prose (procedures.ts): prose after a step there says more
	 * about it and stays under it, in order, as in a diagnosis (sinks.ts).
	 */
	readonly stepsInProse = new WeakSet<Section>();

	readonly source: string;
	readonly options: ImportOptions;
	readonly mojibakeRepairs: number;

	constructor(source: string, options: ImportOptions, mojibakeRepairs: number) {
		this.source = source;
		this.options = options;
		this.mojibakeRepairs = mojibakeRepairs;
	}

	/** Where content goes now: the innermost open heading's sink. */
	get sink(): Sink | undefined {
		return this.stack.at(-1)?.sink;
	}

	/** An id for a heading or step: the one pinned in the source (`{#id}`), else one made from its words. */
	idFor(pinned: string | undefined, text: string, fallback: string, pinAt: number | undefined): string {
		if (pinned && this.ids.claim(pinned)) return pinned;
		if (pinned) this.warnings.push(`the pinned id {#${pinned}} is used twice: the second one is given another`);
		const id = this.ids.allocate(text, fallback);
		if (pinAt !== undefined) this.pins.push({ offset: pinAt, id });
		return id;
	}

	/** Reads a `{#id}` pin off the end of a text, warning about one that is not a usable id. */
	pinOf(text: string, line: number | undefined): { text: string; id?: string } {
		const pin = takePin(text);
		if (pin.invalid) this.warnings.push(`line ${line}: {#${pin.invalid}} is not a usable id (lowercase words joined by hyphens): ignored`);
		return pin;
	}

	slice(start: number, end: number): string {
		return this.source.slice(start, end);
	}

	/** A block's Markdown as written, with list-item indentation removed from its lines. */
	blockSource(nodeOrPosition: Nodes | Position): string {
		const pos = 'type' in nodeOrPosition ? nodeOrPosition.position! : nodeOrPosition;
		const indent = pos.start.column - 1;
		return this.slice(pos.start.offset!, pos.end.offset!)
			.split('\n')
			.map((line, i) => (i === 0 ? line : line.replace(new RegExp(`^ {0,${indent}}`), '')))
			.join('\n')
			.trim();
	}

	/** Inline Markdown of phrasing nodes as written, joined into one line. */
	inlineSource(nodes: PhrasingContent[]): string {
		if (!nodes.length) return '';
		const start = nodes[0]!.position!.start.offset!;
		const end = nodes.at(-1)!.position!.end.offset!;
		return this.slice(start, end)
			.replace(/ {2,}\n|\\\n/g, '\n')
			.replace(/\s*\n\s*/g, ' ')
			.trim();
	}

	/** Prose kept as written: in the current sink, or before any heading the runbook's own notes. */
	note(raw: string): void {
		this.lastStep = undefined;
		const markdown = /<\/?(details|summary)\b/i.test(raw) ? withoutDisclosures(raw) : raw;
		if (!markdown.trim()) return;
		if (this.sink) this.sink.addNote(markdown);
		else this.preamble.push(markdown);
	}

	/**
	 * Whether paragraphs and bullets that ask for something are steps in a section of this kind:
	 * diagnosis and mitigation; in an alert runbook, its verification too ("Verify the fix").
	 */
	asksAreSteps(kind: SectionKind): boolean {
		return RESPONSE_STEP_KINDS.has(kind) || (this.response && kind === 'verification');
	}

	addAlternative(step: Step, title: string): Alternative {
		const alternative: Alternative = { id: this.ids.allocate(title, 'option'), title };
		(step.alternatives ??= []).push(alternative);
		return alternative;
	}

	dropWarning(warning: string): void {
		const i = this.warnings.indexOf(warning);
		if (i >= 0) this.warnings.splice(i, 1);
	}
}
