import type { Code, Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Position } from 'unist';
import type { Command } from '../../schema/command.ts';
import type { Contact, Resource } from '../../schema/reference.ts';
import type { Section, SectionKind } from '../../schema/section.ts';
import type { RecordField, SignoffRole } from '../../schema/signoff.ts';
import type { Alternative, Step } from '../../schema/step.ts';
import { IdAllocator } from '../ids.ts';
import { RESERVED_IDS } from '../../schema/ids.ts';
import { CRITERION_MARK, cleanHeading, guessSectionKind, listsAreSteps, optionTitle, splitCondition } from './classify.ts';
import { firstComment, splitNumberedComments, splitOptionComments } from './code-blocks.ts';
import { type FieldLine, parseFieldLines, parseLabelled, parseLooseDate, roleFromSignoffText } from './fields.ts';
import { repairMojibake } from './mojibake.ts';
import { keepIds, type PreviousRunbook } from './keep-ids.ts';
import { proposeRollbackLinks, type RollbackProposals } from './rollback-links.ts';
import { describeProposal, proposeVariables } from './variables.ts';
import type { Variable } from '../../schema/variables.ts';

/** What the importer produces: a runbook as written to YAML (the id is the file name). */
export interface ImportedRunbook {
	title: string;
	system: string;
	summary: string;
	version?: string;
	lastReviewed?: string;
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

export interface ImportSummary {
	sections: number;
	steps: number;
	commands: number;
	alternatives: number;
	notes: number;
	contacts: number;
	resources: number;
	roles: number;
	recordFields: number;
	mojibakeRepairs: number;
	/** Rollback steps given techniques from their commands. */
	rollbackTechniques: number;
	/** Rollback steps linked to the deployment step they depend on. */
	rollbackLinks: number;
	/** Variables proposed from placeholders. */
	variables: number;
}

export interface ImportResult {
	runbook: ImportedRunbook;
	summary: ImportSummary;
	warnings: string[];
	/** What the importer proposed beyond the source text, for the user to check. */
	proposals: string[];
}

export interface ImportOptions {
	/** The runbook id (file name); used to guess the system when the title does not name it. */
	id?: string;
	system?: string;
	title?: string;
	/** Recorded as `source:` in the runbook. */
	sourceName?: string;
	/** The runbook file being re-imported over: its ids, former ids and hand-set header are kept. */
	previous?: PreviousRunbook;
	/** Propose variables for placeholders (default true); false keeps the text as written. */
	variables?: boolean;
}

/** Where imported content goes: a section, or one option of a step. */
interface Sink {
	kind: SectionKind;
	title: string;
	steps: Step[];
	addNote(markdown: string): void;
	/** Commands that stand alone in this sink, not under a step. */
	addCommands?(commands: Command[]): boolean;
	section?: Section;
}

/** The runbook with `variables:` just above `sections:`, where a reader of the file meets them first. */
function withVariables(runbook: ImportedRunbook, variables: Variable[]): ImportedRunbook {
	const { sections, signoff, variables: _old, ...head } = runbook;
	return { ...head, variables, sections, ...(signoff ? { signoff } : {}) };
}

function containsTask(item: ListItem): boolean {
	return item.children.some(
		(block) => block.type === 'list' && block.children.some((child) => (child.checked !== null && child.checked !== undefined) || containsTask(child)),
	);
}

const parser = unified().use(remarkParse).use(remarkGfm);

export function importChecklist(markdown: string, options: ImportOptions = {}): ImportResult {
	const repaired = repairMojibake(markdown.replace(/\r\n?/g, '\n'));
	return new ChecklistImporter(repaired.text, options, repaired.repairs).run();
}

class ChecklistImporter {
	private readonly ids = new IdAllocator(RESERVED_IDS);
	private readonly warnings: string[] = [];
	private readonly sections: Section[] = [];
	private readonly preamble: string[] = [];
	private readonly roles: SignoffRole[] = [];
	private readonly record: RecordField[] = [];
	private readonly roleIds = new IdAllocator();
	private readonly fieldIds = new IdAllocator();
	private readonly meta: { version?: string; lastReviewed?: string; purpose?: string } = {};
	private title?: string;
	private summary?: string;
	private stack: { depth: number; sink: Sink }[] = [];
	/** The step the previous block ended on, so a code block right after an item joins it. */
	private lastStep?: Step;

	private readonly source: string;
	private readonly options: ImportOptions;
	private readonly mojibakeRepairs: number;

	constructor(source: string, options: ImportOptions, mojibakeRepairs: number) {
		this.source = source;
		this.options = options;
		this.mojibakeRepairs = mojibakeRepairs;
	}

	run(): ImportResult {
		const tree = parser.parse(this.source) as Root;
		for (const node of tree.children) this.block(node);
		let runbook = this.assemble();
		const rollback = proposeRollbackLinks(runbook.sections);
		const proposals = rollback.links.map((link) => `requires: ${link}`);
		const variables = this.options.variables === false ? [] : proposeVariables(runbook);
		if (variables.length) {
			// A declaration the existing file refined by hand (label, pattern, secret) is kept.
			const before = new Map((this.options.previous?.variables ?? []).map((v) => [v.name, v]));
			runbook = withVariables(runbook, variables.map((p) => before.get(p.variable.name) ?? p.variable));
			proposals.push(...variables.map(describeProposal));
		}
		if (this.options.previous) {
			// Matched on the same text: the existing file's placeholders read as variables too.
			const previous = structuredClone(this.options.previous);
			if (this.options.variables !== false) proposeVariables({ sections: previous.sections ?? [] });
			const kept = keepIds(runbook, previous);
			runbook = kept.runbook;
			// The existing file supplied what the source lacks: no need to ask for it.
			if (runbook.version) this.dropWarning('no version found');
			if (runbook.lastReviewed) this.dropWarning('no "Last Updated" date found');
			proposals.push(`kept ${kept.kept} ids of the existing file`);
			if (kept.lost.length) {
				this.warnings.push(
					`${kept.lost.length} ids of the existing file are gone (links to them will not arrive; add each to the formerIds of the step that replaces it): ${kept.lost.join(', ')}`,
				);
			}
		}
		return { runbook, summary: this.summarize(runbook, rollback), warnings: this.warnings, proposals };
	}


	// ---- source text --------------------------------------------------------------------

	private slice(start: number, end: number): string {
		return this.source.slice(start, end);
	}

	/** A block's Markdown as written, with list-item indentation removed from its lines. */
	private blockSource(nodeOrPosition: Nodes | Position): string {
		const pos = 'type' in nodeOrPosition ? nodeOrPosition.position! : nodeOrPosition;
		const indent = pos.start.column - 1;
		return this.slice(pos.start.offset!, pos.end.offset!)
			.split('\n')
			.map((line, i) => (i === 0 ? line : line.replace(new RegExp(`^ {0,${indent}}`), '')))
			.join('\n')
			.trim();
	}

	/** Inline Markdown of phrasing nodes as written, joined into one line. */
	private inlineSource(nodes: PhrasingContent[]): string {
		if (!nodes.length) return '';
		const start = nodes[0]!.position!.start.offset!;
		const end = nodes.at(-1)!.position!.end.offset!;
		return this.slice(start, end)
			.replace(/ {2,}\n|\\\n/g, '\n')
			.replace(/\s*\n\s*/g, ' ')
			.trim();
	}

	// ---- structure ----------------------------------------------------------------------

	private get sink(): Sink | undefined {
		return this.stack.at(-1)?.sink;
	}

	private sectionSink(section: Section): Sink {
		return {
			kind: section.kind,
			title: section.title,
			section,
			get steps() {
				section.steps ??= [];
				return section.steps;
			},
			addNote: (markdown) => {
				// The first prose in a section, before any step, describes it.
				if (!section.description && !section.steps?.length && !section.notes?.length && !markdown.includes('\n') && markdown.length <= 200) {
					section.description = markdown;
				} else (section.notes ??= []).push(markdown);
			},
		};
	}

	private alternativeSink(alternative: Alternative, kind: SectionKind): Sink {
		return {
			kind,
			title: alternative.title,
			get steps() {
				alternative.steps ??= [];
				return alternative.steps;
			},
			addNote: (markdown) => {
				alternative.text = alternative.text ? `${alternative.text}\n\n${markdown}` : markdown;
			},
			addCommands: (commands) => {
				if (alternative.steps?.length) return false;
				(alternative.commands ??= []).push(...commands);
				return true;
			},
		};
	}

	private heading(node: Heading): void {
		const raw = toString(node).trim();
		if (!raw) {
			this.warnings.push(`line ${node.position?.start.line}: empty heading skipped`);
			return;
		}
		if (node.depth === 1 && this.title === undefined && !this.stack.length) {
			this.title = cleanHeading(raw);
			return;
		}
		while (this.stack.length && this.stack.at(-1)!.depth >= node.depth) this.stack.pop();
		this.lastStep = undefined;
		const parent = this.sink;
		const option = optionTitle(raw);
		if (option && parent) {
			this.stack.push({ depth: node.depth, sink: this.optionUnder(parent, option) });
			return;
		}
		const title = cleanHeading(raw);
		const kind = guessSectionKind(title, parent?.kind);
		const section: Section = { id: this.ids.allocate(title, 'section'), title, kind };
		if (parent?.section) (parent.section.sections ??= []).push(section);
		else if (parent) {
			// A heading inside an option heading: keep it as a sub-step group of that option.
			parent.addNote(`**${title}**`);
		} else this.sections.push(section);
		this.stack.push({ depth: node.depth, sink: this.sectionSink(section) });
	}

	/** "### Option A: Docker Compose" under a section: one step with one alternative per option. */
	private optionUnder(parent: Sink, title: string): Sink {
		let holder = parent.steps.at(-1);
		if (!holder?.alternatives) {
			holder = {
				id: this.ids.allocate(`${parent.title} options`),
				text: 'Do one of the following options.',
				alternatives: [],
			};
			parent.steps.push(holder);
		}
		const alternative: Alternative = { id: this.ids.allocate(title, 'option'), title };
		holder.alternatives!.push(alternative);
		return this.alternativeSink(alternative, parent.kind);
	}

	private block(node: RootContent): void {
		switch (node.type) {
			case 'heading':
				return this.heading(node);
			case 'list':
				return this.list(node);
			case 'code':
				return this.standaloneCode(node);
			case 'paragraph':
				return this.paragraph(node);
			case 'thematicBreak':
				return;
			case 'html': {
				const comment = /^<!--([\s\S]*?)-->$/.exec(node.value.trim());
				return this.note(comment ? comment[1]!.trim() : node.value);
			}
			case 'table':
			case 'blockquote':
				return this.note(this.blockSource(node));
			default:
				this.warnings.push(`line ${node.position?.start.line}: ${node.type} kept as a note`);
				return this.note(this.blockSource(node));
		}
	}

	private note(markdown: string): void {
		this.lastStep = undefined;
		if (!markdown.trim()) return;
		if (this.sink) this.sink.addNote(markdown);
		else this.preamble.push(markdown);
	}

	// ---- paragraphs: metadata, sign-off fields, options, prose ---------------------------

	private paragraph(node: Paragraph): void {
		const source = this.blockSource(node);
		const fields = parseFieldLines(source);
		if (fields) {
			// "**Notes:**" followed by lines of underscores: Markdown reads those lines as
			// thematic breaks, but the author drew write-in lines.
			const following = /^\n(?:[ \t]*_{3,}[ \t]*\n?)+/.exec(this.source.slice(node.position!.end.offset!));
			const last = fields.at(-1)!;
			if (following && !last.value && !last.blank) {
				last.blank = true;
				last.extraLines = following[0].trim().split('\n').length;
			}
			// A lone "**Solution:**" with nothing after it is a bold lead-in, not a field.
			const leadIn = fields.length === 1 && !last.value && !last.blank && !last.choices;
			if (!leadIn) {
				this.fields(fields);
				return;
			}
		}
		const option = optionTitle(toString(node));
		if (option && this.lastStep) {
			this.addAlternative(this.lastStep, option);
			return;
		}
		if (!this.sink && this.title !== undefined && this.summary === undefined) {
			this.summary = this.inlineSource(node.children);
			return;
		}
		if (/^[_\s]+$/.test(source)) return;
		this.note(source);
	}

	/** Takes a paragraph of "**Label**: value" lines: sign-off roles, record blanks or metadata. */
	private fields(fields: FieldLine[]): void {
		const inSignoff = this.sink?.kind === 'signoff';
		// "**Deployment Lead**: ____ Date: ____" is someone who signs; "**Deployed By**: ____" a record blank.
		if (inSignoff && fields.every((f) => f.blank && f.withDate)) {
			for (const f of fields) this.addRole(f.label);
			return;
		}
		if (fields.some((f) => f.blank || f.choices)) {
			for (const f of fields) this.addRecordField(f);
			return;
		}
		let known = 0;
		for (const f of fields) {
			const label = f.label.toLowerCase();
			if (label === 'version' && !this.meta.version) this.meta.version = f.value;
			else if (/last (updated|reviewed)|^date$/.test(label) && !this.meta.lastReviewed && parseLooseDate(f.value))
				this.meta.lastReviewed = parseLooseDate(f.value);
			else if (label === 'purpose' && !this.meta.purpose) this.meta.purpose = f.value;
			else continue;
			known++;
		}
		// Fields we did not understand stay in the text, nothing is dropped; one per line, as
		// the author laid them out (Markdown would run them into one paragraph).
		if (known < fields.length) this.note(fields.map((f) => `- **${f.label}**: ${f.value}`).join('\n'));
	}

	private addRole(label: string): void {
		const title = roleFromSignoffText(label);
		if (this.roles.some((r) => r.title.toLowerCase() === title.toLowerCase())) return;
		this.roles.push({ id: this.roleIds.allocate(title, 'role'), title });
	}

	private addRecordField(f: FieldLine): void {
		const label = f.label;
		const field: RecordField = { id: this.fieldIds.allocate(label, 'field'), label, type: 'text' };
		if (f.choices) {
			field.type = 'choice';
			field.choices = f.choices;
		} else if (f.extraLines > 0 || /^notes?$|comments?/i.test(label)) field.type = 'lines';
		else if (/\bdate\b/i.test(label)) field.type = 'date';
		if (f.value) field.value = f.value;
		this.record.push(field);
	}

	// ---- lists and steps ---------------------------------------------------------------

	private list(node: List): void {
		const sink = this.sink;
		if (!sink) {
			this.note(this.blockSource(node));
			return;
		}
		if (sink.kind === 'reference' && this.referenceList(node, sink)) return;
		this.lastStep = undefined;
		let pending: ListItem[] = [];
		const flush = () => {
			if (!pending.length) return;
			sink.addNote(this.blockSource({ start: pending[0]!.position!.start, end: pending.at(-1)!.position!.end }));
			pending = [];
		};
		for (const item of node.children) {
			if (this.itemIsStep(item, node, sink.kind)) {
				flush();
				const step = this.step(item, sink.kind);
				sink.steps.push(step);
				if (sink.kind === 'signoff') this.addRole(step.text.replace(/\*\*/g, ''));
				this.lastStep = step;
			} else pending.push(item);
		}
		flush();
	}

	private itemIsStep(item: ListItem, list: List, kind: SectionKind): boolean {
		if (item.checked !== null && item.checked !== undefined) return true;
		if (kind === 'criteria') return true;
		if (list.ordered && listsAreSteps(kind)) return true;
		// A group heading over checkboxes ("1. **Testing**" then "- [ ] ...") is a step of its own.
		if (containsTask(item)) return true;
		const first = item.children[0];
		return first?.type === 'paragraph' && CRITERION_MARK.test(toString(first)) && kind !== 'checklist';
	}

	/** Contacts and resources: "- **Role**: contact" items. */
	private referenceList(node: List, sink: Sink): boolean {
		const section = sink.section;
		if (!section) return false;
		const entries = node.children.map((item) => {
			const first = item.children[0];
			return item.children.length === 1 && first?.type === 'paragraph' ? parseLabelled(this.inlineSource(first.children)) : undefined;
		});
		if (entries.some((e) => !e)) return false;
		const isContacts = /contact/i.test(section.title);
		for (const entry of entries as { label: string; value: string }[]) {
			if (isContacts) (section.contacts ??= []).push({ role: entry.label, contact: entry.value } satisfies Contact);
			else (section.resources ??= []).push({ label: entry.label, href: entry.value.replace(/^`(.*)`$/, '$1') } satisfies Resource);
		}
		this.lastStep = undefined;
		return true;
	}

	private step(item: ListItem, kind: SectionKind): Step {
		const [first, ...rest] = item.children;
		let text = '';
		let idSource = '';
		const blocks = [...rest];
		let trailingOptions: string[] = [];
		if (first?.type === 'paragraph') {
			const phrasing = first.children;
			text = this.inlineSource(phrasing).replace(CRITERION_MARK, '');
			// "**Option A: ...**" on the line right under the item text continues its paragraph
			// in Markdown, but the author meant an option.
			const lines = this.blockSource(first).split('\n');
			const optionLine = lines.findIndex((line, i) => i > 0 && optionTitle(line) !== undefined);
			if (optionLine > 0) {
				text = lines.slice(0, optionLine).join(' ').replace(/^\[[ xX]\]\s*/, '').trim();
				trailingOptions = lines.slice(optionLine).filter((line) => optionTitle(line) !== undefined);
			}
			const strong = phrasing[0]?.type === 'strong' ? toString(phrasing[0]) : '';
			idSource = strong || toString(first).replace(CRITERION_MARK, '');
		} else if (first) blocks.unshift(first);

		// "**Technical Lead Approval:** ____ Date: ____" reads as its label.
		const labelled = parseFieldLines(text);
		if (labelled?.length === 1 && labelled[0]!.blank) {
			text = labelled[0]!.label;
			idSource = text;
		}
		const split = splitCondition(text);
		// A step written entirely in bold is just a title; the page styles titles itself.
		const withoutCondition = split.text.replace(/^\*\*([^*]+)\*\*$/, '$1');
		const condition = split.condition;
		if (!text) {
			text = 'Do the following.';
			this.warnings.push(`line ${item.position?.start.line}: a step without text was given "${text}"`);
		}
		const step: Step = { id: this.ids.allocate(splitCondition(idSource).text || withoutCondition || text, 'step'), text: withoutCondition || text };
		if (condition) {
			step.optional = true;
			// "(optional)" says no more than the flag itself.
			if (!/^optional$/i.test(condition)) step.condition = condition;
		}
		let target: { commands?: Command[]; steps?: Step[] } = step;
		for (const option of trailingOptions) target = this.addAlternative(step, optionTitle(option)!);
		for (const block of blocks) {
			if (block.type === 'list') {
				for (const child of block.children) {
					if ((child.checked !== null && child.checked !== undefined) || containsTask(child)) (target.steps ??= []).push(this.step(child, kind));
					else if (block.ordered && listsAreSteps(kind)) (target.steps ??= []).push(this.step(child, kind));
					else (step.details ??= []).push(...this.details(child));
				}
			} else if (block.type === 'code') {
				(target.commands ??= []).push(this.command(block));
			} else if (block.type === 'paragraph') {
				const option = optionTitle(toString(block));
				if (option) target = this.addAlternative(step, option);
				else (step.details ??= []).push(this.inlineSource(block.children));
			} else {
				(step.notes ??= []).push(this.blockSource(block));
			}
		}
		return step;
	}

	/** Plain bullets under a step: their text, with deeper bullets indented by a dash. */
	private details(item: ListItem, depth = 0): string[] {
		const out: string[] = [];
		for (const block of item.children) {
			if (block.type === 'paragraph') out.push(`${'– '.repeat(depth)}${this.inlineSource(block.children)}`);
			else if (block.type === 'list') for (const child of block.children) out.push(...this.details(child, depth + 1));
			else if (block.type === 'code') out.push(`\`${block.value.replace(/`/g, "'")}\``);
			else out.push(this.blockSource(block));
		}
		return out;
	}

	private addAlternative(step: Step, title: string): Alternative {
		const alternative: Alternative = { id: this.ids.allocate(title, 'option'), title };
		(step.alternatives ??= []).push(alternative);
		return alternative;
	}

	private command(node: Code): Command {
		return { lang: (node.lang ?? 'bash').toLowerCase(), code: node.value };
	}

	// ---- code blocks that are not inside an item ---------------------------------------

	private standaloneCode(node: Code): void {
		const sink = this.sink;
		const lang = (node.lang ?? 'bash').toLowerCase();
		if (this.lastStep) {
			// A fence right after an item belongs to it (authors often forget to indent it).
			const alt = this.lastStep.alternatives?.at(-1);
			const target = alt ?? this.lastStep;
			(target.commands ??= []).push({ lang, code: node.value });
			return;
		}
		// In a plain checklist a lone block is an illustration (a diagram, a config excerpt)
		// unless its comments number steps or name options; in procedures, rollbacks, checks
		// and known issues it is something to run.
		const structured = splitNumberedComments(node.value) ?? splitOptionComments(node.value);
		if (!sink || (sink.kind === 'checklist' && !sink.addCommands && !structured)) {
			this.note(this.blockSource(node));
			return;
		}
		if (sink.addCommands && !splitNumberedComments(node.value) && sink.addCommands([{ lang, code: node.value }])) return;

		const options = splitOptionComments(node.value);
		if (options) {
			const step: Step = { id: this.ids.allocate(`${sink.title} options`), text: 'Do one of the following options.', alternatives: [] };
			for (const part of options) {
				step.alternatives!.push({ id: this.ids.allocate(part.title, 'option'), title: part.title, commands: [{ lang, code: part.code }] });
			}
			sink.steps.push(step);
			return;
		}
		const numbered = splitNumberedComments(node.value);
		if (numbered) {
			for (const part of numbered) {
				const step: Step = { id: this.ids.allocate(part.title, 'step'), text: part.title };
				if (part.code) step.commands = [{ lang, code: part.code }];
				sink.steps.push(step);
			}
			return;
		}
		const title = this.pendingLabel(sink) ?? firstComment(node.value) ?? `Run the ${sink.title} commands`;
		const step: Step = { id: this.ids.allocate(title, 'step'), text: title, commands: [{ lang, code: node.value }] };
		sink.steps.push(step);
		// The step stands for this block only: a following fence is a new step.
	}

	/** A short bold label right before a code block ("**Solution:**") titles its step. */
	private pendingLabel(sink: Sink): string | undefined {
		const notes = sink.section?.notes;
		const description = sink.section?.description;
		const candidate = notes?.at(-1) ?? (sink.section?.steps?.length ? undefined : description);
		const match = candidate && /^\*\*([^*]{1,60}?):?\*\*:?$/.exec(candidate.trim());
		if (!match) return undefined;
		if (notes?.at(-1) === candidate) notes.pop();
		else if (sink.section) delete sink.section.description;
		if (notes && !notes.length) delete sink.section!.notes;
		return `${match[1]!.trim()}: ${sink.title.replace(/^issue\s*:\s*/i, '')}`;
	}

	// ---- the whole runbook --------------------------------------------------------------

	private systemName(): string {
		if (this.options.system) return this.options.system;
		const generic = /\b(production|deployment|deploy|checklist|launch|preparation|release|report|runbook|batch\s*\d+|and)\b|[:&\-–—]/gi;
		const fromTitle = (this.title ?? '').replace(generic, ' ').replace(/\s+/g, ' ').trim();
		if (/[A-Z]/.test(fromTitle)) return fromTitle;
		const fromId = (this.options.id ?? 'runbook')
			.replace(/-(deployment|launch|release)?-?(checklist|report|runbook)$/, '')
			.replace(/-?batch\d+/g, '')
			.split('-')
			.filter(Boolean)
			.map((w) => w[0]!.toUpperCase() + w.slice(1))
			.join(' ');
		return fromId || 'Unknown system';
	}

	/** Sections left empty once their sign-off lines moved to `signoff:` are dropped. */
	private pruneEmpty(sections: Section[]): Section[] {
		return sections.filter((section) => {
			if (section.sections) section.sections = this.pruneEmpty(section.sections);
			if (section.sections && !section.sections.length) delete section.sections;
			return Boolean(section.steps?.length || section.sections?.length || section.notes?.length || section.contacts?.length || section.resources?.length || section.description);
		});
	}

	private assemble(): ImportedRunbook {
		const system = this.systemName();
		let title = this.options.title ?? this.title ?? `${system} runbook`;
		if (!this.options.title && !title.toLowerCase().includes(system.toLowerCase())) title = `${system}: ${title}`;
		if (!this.title && !this.options.title) this.warnings.push('no level-1 heading: title made from the system name');
		const runbook: ImportedRunbook = {
			title,
			system,
			summary: this.summary ?? this.meta.purpose ?? '',
			...(this.meta.version ? { version: this.meta.version } : {}),
			...(this.meta.lastReviewed ? { lastReviewed: this.meta.lastReviewed } : {}),
			owners: [],
			tags: [],
			...(this.options.sourceName ? { source: this.options.sourceName } : {}),
			...(this.preamble.length ? { notes: this.preamble } : {}),
			sections: this.pruneEmpty(this.sections),
		};
		if (this.summary && this.meta.purpose) (runbook.notes ??= []).push(`Purpose: ${this.meta.purpose}`);
		if (this.roles.length || this.record.length) runbook.signoff = { roles: this.roles, record: this.record };
		if (!runbook.version) this.warnings.push('no version found: add `version:` (e.g. "1.0.0")');
		if (!runbook.lastReviewed) this.warnings.push('no "Last Updated" date found: add `lastReviewed:` (YYYY-MM-DD)');
		if (!this.sections.length) this.warnings.push('no sections found: the runbook needs at least one heading with steps');
		return runbook;
	}

	private dropWarning(start: string): void {
		const i = this.warnings.findIndex((w) => w.startsWith(start));
		if (i >= 0) this.warnings.splice(i, 1);
	}

	private summarize(runbook: ImportedRunbook, rollback: RollbackProposals): ImportSummary {
		const summary: ImportSummary = {
			sections: 0, steps: 0, commands: 0, alternatives: 0, notes: runbook.notes?.length ?? 0,
			contacts: 0, resources: 0, roles: runbook.signoff?.roles.length ?? 0,
			recordFields: runbook.signoff?.record.length ?? 0, mojibakeRepairs: this.mojibakeRepairs,
			rollbackTechniques: rollback.tagged, rollbackLinks: rollback.links.length,
			variables: runbook.variables?.length ?? 0,
		};
		const countSteps = (steps: Step[] | undefined) => {
			for (const step of steps ?? []) {
				summary.steps++;
				summary.commands += step.commands?.length ?? 0;
				summary.notes += (step.notes?.length ?? 0);
				for (const alt of step.alternatives ?? []) {
					summary.alternatives++;
					summary.commands += alt.commands?.length ?? 0;
					countSteps(alt.steps);
				}
				countSteps(step.steps);
			}
		};
		const countSections = (sections: Section[] | undefined) => {
			for (const section of sections ?? []) {
				summary.sections++;
				summary.notes += section.notes?.length ?? 0;
				summary.contacts += section.contacts?.length ?? 0;
				summary.resources += section.resources?.length ?? 0;
				countSteps(section.steps);
				countSections(section.sections);
			}
		};
		countSections(runbook.sections);
		return summary;
	}
}
