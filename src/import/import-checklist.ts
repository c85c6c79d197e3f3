import GithubSlugger from 'github-slugger';
import type { Code, Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Strong, Table, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Position } from 'unist';
import type { Command } from '../schema/command.ts';
import type { Contact, Resource } from '../schema/reference.ts';
import type { Section, SectionKind } from '../schema/section.ts';
import type { RecordField, SignoffRole } from '../schema/signoff.ts';
import type { Alternative, Step } from '../schema/step.ts';
import { IdAllocator } from '../model/ids.ts';
import { RESERVED_IDS } from '../schema/ids.ts';
import {
	afterStepLabel,
	CRITERION_MARK,
	cleanHeading,
	guessSectionKind,
	listsAreSteps,
	optionTitle,
	splitCondition,
	stepHeadingText,
} from './classify.ts';
import { ADMONITION, admonitionAsCallout, admonitionStarts } from './admonitions.ts';
import { firstComment, splitNumberedComments, splitOptionComments } from './code-blocks.ts';
import { cellCommands, isEmptyCell, tableColumns } from './table-steps.ts';
import { readSiteMarkup } from './generators/markup.ts';
import { codeRanges, WIKI_LINK, wikiLinkAsMarkdown } from './wiki-links.ts';
import { proposeExpectations } from './expectations.ts';
import { codeBlockCommands } from '../model/shell.ts';
import { parseFrontMatter, readFrontMatter, type FrontMatter } from './front-matter.ts';
import { takePin, type PinSite } from './pins.ts';
import {
	alertNamesFrom,
	asksForAction,
	coreResponseKind,
	hasResponseShape,
	inlineCommands,
	isCommandOnly,
	isInstruction,
	isReference,
	PROSE_KINDS,
	responseKind,
	RESPONSE_STEP_KINDS,
} from './response.ts';
import { type FieldLine, parseFieldLines, parseLabelled, parseLooseDate, roleFromSignoffText } from './fields.ts';
import { repairMojibake } from './mojibake.ts';
import { replaceTracked } from './tracked-edits.ts';
import { NO_REVIEW_DATE, NO_VERSION } from './routine-warnings.ts';
import { inlineReferenceLinks } from './reference-links.ts';
import { walkSections, walkSteps } from '../model/outline.ts';
import { keepIds, type PreviousRunbook } from './keep-ids.ts';
import { proposeRollbackLinks, type RollbackProposals } from './rollback-links.ts';
import { describeProposal, proposeVariables } from './variables.ts';
import { proposeLiteralVariables } from './literals.ts';
import type { Variable } from '../schema/variables.ts';
import { proposeRoleParts } from './role-parts.ts';
import { proposeTimings } from './timing.ts';
import type { ImportedRunbook } from './types.ts';

export type { ImportedRunbook } from './types.ts';

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
	/** Runbook-level: whether the source had the response shape (Meaning, Diagnosis, Mitigation ...). */
	response: boolean;
}

export interface ImportResult {
	runbook: ImportedRunbook;
	summary: ImportSummary;
	warnings: string[];
	/** What the importer proposed beyond the source text, for the user to check. */
	proposals: string[];
	/**
	 * Anchors other documents may link to (`#diagnosis`, as the source's site generator made them
	 * from the headings, and every id of the runbook), each with the id it now has.
	 */
	anchors: Map<string, string>;
	/** Where `{#id}` pins would go in the source, for headings and steps that have none. */
	pins: PinSite[];
	/** The source's own front matter, as read (its runbook id, if it pins one). */
	frontMatter: FrontMatter;
}

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

/** Where imported content goes: a section, one option of a step, or a step written as a heading. */
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

/** A step's words as a reader sees them, for its id: a link's text, not its address. */
const linkTexts = (text: string) => text.replace(/\]\([^)]*\)/g, ']');

/** "**Diagnosis**" or "**Mitigation:**" alone on its line: its words, else undefined. */
function boldLine(node: Paragraph): string | undefined {
	const [first, ...rest] = node.children;
	if (first?.type !== 'strong' || rest.some((child) => child.type !== 'text' || !/^\s*:?\s*$/.test(child.value))) return undefined;
	const text = toString(first)
		.replace(/\s*:\s*$/, '')
		.trim();
	return text && text.length <= 60 && !text.includes('\n') ? text : undefined;
}

/** Whether a title names a part of a runbook (Diagnosis, Rollback, Contacts …), not any bold words. */
function namesAPart(title: string): boolean {
	return responseKind(title) !== undefined || guessSectionKind(title) !== 'checklist';
}

function containsTask(item: ListItem): boolean {
	return item.children.some(
		(block) =>
			block.type === 'list' &&
			block.children.some((child) => (child.checked !== null && child.checked !== undefined) || containsTask(child)),
	);
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** The source text the importer reads: line ends, mis-encoded UTF-8, Hugo link shortcodes, wiki links, MkDocs admonitions and reference links mended. */
export interface NormalisedSource {
	text: string;
	/** Characters repaired from mis-encoded UTF-8. */
	repairs: number;
	/** What the site generators' syntax held that is not read, by line (generators/markup.ts). */
	notes: string[];
	/** Where an offset of `text` is in the source as written; undefined when repairs changed its length. */
	original?: (offset: number) => number;
}

export function normaliseSource(markdown: string): NormalisedSource {
	// The Markdown parser skips a byte-order mark without counting it: read without it, every
	// offset is one that the parser's positions agree with (and `original` adds it back).
	const bom = markdown.charCodeAt(0) === 0xfeff ? 1 : 0;
	const lines = replaceTracked(bom ? markdown.slice(1) : markdown, /\r\n?/g, () => '\n');
	const repaired = repairMojibake(lines.text);
	// Site generators' own syntax (Liquid, ERB, MDX imports, `:::note`, `[[_TOC_]]`, footnotes): generators/markup.ts.
	const site = readSiteMarkup(repaired.text);
	// Hugo's link shortcodes (`[Gather logs]({{< ref "helpers/gatherLogs.md" >}})`) as the plain
	// relative links they stand for, so that links between documents can be followed.
	const links = replaceTracked(site.text, /\{\{[<%]\s*(?:rel)?ref\s+"([^"]+)"\s*[>%]\}\}/g, (match) => match[1]!);
	const code = codeRanges(links.text);
	const inCode = (at: number) => code.some(([start, end]) => at >= start && at < end);
	const wiki = replaceTracked(links.text, WIKI_LINK, (match) =>
		inCode(match.index) ? match[0] : wikiLinkAsMarkdown(match[1]!, match[2]!, match[3], match[4]),
	);
	const starts = admonitionStarts(wiki.text);
	const callouts = replaceTracked(wiki.text, ADMONITION, (match) =>
		starts.has(match.index) ? admonitionAsCallout(match[1]!, match[2], match[3]!) : match[0],
	);
	const references = inlineReferenceLinks(callouts.text);
	return {
		text: references.text,
		repairs: repaired.repairs,
		notes: site.notes,
		...(repaired.repairs
			? {}
			: {
					original: (offset: number) =>
						bom + lines.original(site.original(links.original(wiki.original(callouts.original(references.original(offset)))))),
				}),
	};
}

export function importChecklist(markdown: string, options: ImportOptions = {}): ImportResult {
	const source = normaliseSource(markdown);
	const result = new ChecklistImporter(source.text, options, source.repairs).run();
	result.warnings.push(...source.notes);
	return result;
}

/** `<details><summary>More</summary>` … `</details>`: the disclosure's tags, read as its title in bold. */
function withoutDisclosures(markdown: string): string {
	return markdown
		.replace(/<summary>\s*([\s\S]*?)\s*<\/summary>/gi, (_, title: string) => `**${title.trim()}**\n\n`)
		.replace(/<\/?details(?:\s[^>]*)?>/gi, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
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
	/** A document in the response shape: Meaning, Impact, Diagnosis, Mitigation and the like. */
	private response = false;
	private frontMatter: FrontMatter = { owners: [], tags: [], aliases: [], alerts: [], ignored: [] };
	/** Anchors as the source's site generator made them from headings. */
	private readonly slugger = new GithubSlugger();
	private readonly anchors = new Map<string, string>();
	private readonly pins: PinSite[] = [];
	/** `implicit`: a section the document does not write, opened for the step headings under it. */
	private stack: { depth: number; sink: Sink; implicit?: boolean; step?: boolean }[] = [];
	/** Lines in bold that stand for headings, with their text (see run). */
	private readonly boldHeadings = new Map<Paragraph, string>();
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
		// remark-frontmatter's nodes: `yaml`, and `toml`, which mdast's types do not list.
		const isMatter = (node: RootContent) => ['yaml', 'toml'].includes(node.type as string);
		const matter = tree.children.find(isMatter) as { type: string; value: string } | undefined;
		if (matter) this.readFrontMatter(matter.value, matter.type === 'toml' ? 'toml' : 'yaml');
		const blocks = tree.children.filter((node) => !isMatter(node));
		const written = blocks.flatMap((node) => (node.type === 'heading' && node.depth > 1 ? [takePin(toString(node)).text] : []));
		// A document without headings under its title may mark its parts in bold instead, as
		// exports from Confluence or Google Docs do ("**Diagnosis**" on a line of its own).
		if (!written.length) {
			for (const node of blocks) {
				const title = node.type === 'paragraph' ? boldLine(node) : undefined;
				if (title && namesAPart(cleanHeading(title))) this.boldHeadings.set(node as Paragraph, title);
			}
		}
		const headings = [...written, ...this.boldHeadings.values()];
		this.response = this.frontMatter.alerts.length > 0 || hasResponseShape(headings.map(cleanHeading));
		blocks.forEach((node, i) => {
			// A document with no headings under its title is one thing to do, read as a mitigation:
			// instructions and commands become steps, explanations stay prose.
			const isTitle = node.type === 'heading' && node.depth === 1 && this.title === undefined;
			if (!headings.length && !this.stack.length && !isTitle) this.openSection('What to do', 'mitigation');
			this.block(node, blocks[i + 1]);
		});
		let runbook = this.assemble();
		const rollback = proposeRollbackLinks(runbook.sections);
		const proposals = rollback.links.map((link) => `requires: ${link}`);
		const variables = this.options.variables === false ? [] : proposeVariables(runbook);
		if (variables.length) {
			// A declaration the existing file refined by hand (label, pattern, secret) is kept.
			const before = new Map((this.options.previous?.variables ?? []).map((v) => [v.name, v]));
			runbook = withVariables(
				runbook,
				variables.map((p) => before.get(p.variable.name) ?? p.variable),
			);
			proposals.push(...variables.map(describeProposal));
		}
		if (this.options.variables !== false) {
			// After the placeholders: `v1.0.0` was the stand-in release, not a pinned version.
			const literals = proposeLiteralVariables(runbook);
			if (literals.variables.length) {
				const before = new Map((this.options.previous?.variables ?? []).map((v) => [v.name, v]));
				runbook = withVariables(runbook, [...(runbook.variables ?? []), ...literals.variables.map((v) => before.get(v.name) ?? v)]);
			}
			proposals.push(...literals.proposals);
		}
		if (this.options.previous) {
			// Matched on the same text: the existing file's placeholders read as variables too.
			const previous = structuredClone(this.options.previous);
			if (this.options.variables !== false) proposeVariables({ sections: previous.sections ?? [] });
			const kept = keepIds(runbook, previous);
			runbook = kept.runbook;
			// The existing file supplied what the source lacks: no need to ask for it.
			if (runbook.version) this.dropWarning(NO_VERSION);
			if (runbook.lastReviewed) this.dropWarning(NO_REVIEW_DATE);
			proposals.push(`kept ${kept.kept} ids of the existing file`);
			if (kept.lost.length) {
				this.warnings.push(
					`${kept.lost.length} ids of the existing file are gone (links to them will not arrive; add each to the formerIds of the step that replaces it): ${kept.lost.join(', ')}`,
				);
			}
		}
		if (this.frontMatter.ignored.length) proposals.push(`front matter not used: ${this.frontMatter.ignored.join(', ')}`);
		for (const [anchor, id] of this.idsOf(runbook)) if (!this.anchors.has(anchor)) this.anchors.set(anchor, id);
		return {
			runbook,
			summary: this.summarize(runbook, rollback),
			warnings: this.warnings,
			proposals,
			anchors: this.anchors,
			pins: this.pins,
			frontMatter: this.frontMatter,
		};
	}

	private readFrontMatter(value: string, format: 'yaml' | 'toml'): void {
		const parsed = parseFrontMatter(value, format);
		if ('error' in parsed) {
			this.warnings.push(`front matter (${format.toUpperCase()}) not read: ${parsed.error}`);
			return;
		}
		if (parsed.repeated)
			this.warnings.push(
				`front matter repeats ${parsed.repeated.map((key) => `\`${key}:\``).join(', ')}: the last value is read, as Jekyll does`,
			);
		this.frontMatter = readFrontMatter(parsed.data);
	}

	/** Every id of the runbook: a link may already use the id itself. */
	private *idsOf(runbook: ImportedRunbook): Generator<[string, string]> {
		for (const section of walkSections(runbook.sections)) {
			yield [section.id, section.id];
			for (const step of walkSteps(section.steps)) {
				yield [step.id, step.id];
				for (const alternative of step.alternatives ?? []) yield [alternative.id, alternative.id];
			}
		}
	}

	/** An id for a heading or step: the one pinned in the source (`{#id}`), else one made from its words. */
	private idFor(pinned: string | undefined, text: string, fallback: string, pinAt: number | undefined): string {
		if (pinned && this.ids.claim(pinned)) return pinned;
		if (pinned) this.warnings.push(`the pinned id {#${pinned}} is used twice: the second one is given another`);
		const id = this.ids.allocate(text, fallback);
		if (pinAt !== undefined) this.pins.push({ offset: pinAt, id });
		return id;
	}

	/** Reads a `{#id}` pin off the end of a text, warning about one that is not a usable id. */
	private pinOf(text: string, line: number | undefined): { text: string; id?: string } {
		const pin = takePin(text);
		if (pin.invalid) this.warnings.push(`line ${line}: {#${pin.invalid}} is not a usable id (lowercase words joined by hyphens): ignored`);
		return pin;
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
				if (
					!section.description &&
					!section.steps?.length &&
					!section.notes?.length &&
					!markdown.includes('\n') &&
					markdown.length <= 200
				) {
					section.description = markdown;
				} else if (this.asksAreSteps(section.kind) && section.steps?.length) {
					// In diagnosis and mitigation, prose after a step says more about that step
					// ("That result should give a rough timeline"): it stays under it, in order.
					(section.steps.at(-1)!.notes ??= []).push(markdown);
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
		const pin = this.pinOf(toString(node).trim(), node.position?.start.line);
		const raw = pin.text.trim();
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
		const title = cleanHeading(raw);
		const stepTitle = stepHeadingText(title);
		// A section opened for step headings ends at the first heading that is not one.
		const top = this.stack.at(-1);
		if (stepTitle === undefined && top?.implicit && top.depth === node.depth - 1) this.stack.pop();
		const option = optionTitle(raw);
		if (option && this.sink) {
			this.stack.push({ depth: node.depth, sink: this.optionUnder(this.sink, option) });
			return;
		}
		if (stepTitle !== undefined && (!this.sink || this.sink.section)) {
			this.stepHeading(node, pin.id, raw, stepTitle);
			return;
		}
		// "### 1. Cordon the node" under a Diagnosis or Mitigation: a step, as "Step 1:" is. (Under a
		// checklist's headings a numbered heading is a group of checkboxes: "### 3. Security".)
		if (/^\d+[.)]\s/.test(raw) && this.sink?.section && RESPONSE_STEP_KINDS.has(this.sink.kind)) {
			this.stepHeading(node, pin.id, raw, title);
			return;
		}
		const parent = this.sink;
		const kind = this.kindOf(title, parent?.kind);
		// The heading's text ends where its last inline ends (before closing #s or a setext line).
		const textEnd = node.children.at(-1)?.position?.end.offset;
		const section: Section = { id: this.idFor(pin.id, title, 'section', pin.id ? undefined : textEnd), title, kind };
		// The anchor the source's own site gave this heading: links from other documents use it.
		this.anchors.set(pin.id ?? this.slugger.slug(raw), section.id);
		if (parent?.section) (parent.section.sections ??= []).push(section);
		else if (parent) {
			// A heading inside an option heading: keep it as a sub-step group of that option.
			parent.addNote(`**${title}**`);
		} else this.sections.push(section);
		this.stack.push({ depth: node.depth, sink: this.sectionSink(section) });
	}

	/**
	 * "### Step 2: Resize the volume": a step, its paragraphs and code blocks its details and
	 * commands, up to the next heading of its level. Step headings right under the title get a
	 * section of their own, "Steps".
	 */
	private stepHeading(node: Heading, pinned: string | undefined, raw: string, text: string): void {
		if (!this.sink) this.openSection('Steps', 'procedure', node.depth - 1, true);
		const parent = this.sink!;
		const textEnd = node.children.at(-1)?.position?.end.offset;
		const step: Step = { id: this.idFor(pinned, text, 'step', pinned ? undefined : textEnd), text };
		this.anchors.set(pinned ?? this.slugger.slug(raw), step.id);
		parent.steps.push(step);
		this.stack.push({ depth: node.depth, sink: this.stepSink(step, parent.kind === 'checklist' ? 'procedure' : parent.kind), step: true });
	}

	private stepSink(step: Step, kind: SectionKind): Sink {
		return {
			kind,
			title: step.text,
			get steps() {
				step.steps ??= [];
				return step.steps;
			},
			addNote: (markdown) => {
				if (markdown.includes('\n')) {
					(step.notes ??= []).push(markdown);
					return;
				}
				(step.details ??= []).push(markdown);
				// "Run `aws ec2 create-snapshot …`.": the command, ready to copy.
				if (!step.commands) {
					const commands = inlineCommands(markdown);
					if (commands.length) step.commands = commands;
				}
			},
			addCommands: (commands) => {
				(step.commands ??= []).push(...commands);
				return true;
			},
		};
	}

	/**
	 * Whether paragraphs and bullets that ask for something are steps in a section of this kind:
	 * diagnosis and mitigation; in an alert runbook, its verification too ("Verify the fix").
	 */
	private asksAreSteps(kind: SectionKind): boolean {
		return RESPONSE_STEP_KINDS.has(kind) || (this.response && kind === 'verification');
	}

	/** A section the document does not write as a heading. */
	private openSection(title: string, kind: SectionKind, depth = 2, implicit = false): void {
		const section: Section = { id: this.ids.allocate(title, 'section'), title, kind };
		this.sections.push(section);
		this.stack.push({ depth, sink: this.sectionSink(section), implicit });
	}

	/**
	 * What a heading's section is for. Response headings (Meaning, Diagnosis, Mitigation ...) are
	 * read first in a document of that shape; in a checklist only the unmistakable ones, after the
	 * checklist's own ("Troubleshooting" is common issues there, diagnosis in an alert runbook).
	 */
	private kindOf(title: string, parentKind: SectionKind | undefined): SectionKind {
		if (this.response) {
			if (parentKind === 'reference' || parentKind === 'signoff') return parentKind;
			return responseKind(title) ?? guessSectionKind(title, parentKind);
		}
		const guessed = guessSectionKind(title, parentKind);
		return guessed === (parentKind ?? 'checklist') ? (coreResponseKind(title) ?? guessed) : guessed;
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

	private block(node: RootContent, next: RootContent | undefined): void {
		switch (node.type) {
			case 'heading':
				return this.heading(node);
			case 'list':
				return this.list(node);
			case 'code':
				return this.standaloneCode(node);
			case 'paragraph':
				return this.paragraph(node, next);
			case 'thematicBreak':
				return;
			case 'html': {
				const comment = /^<!--([\s\S]*?)-->$/.exec(node.value.trim());
				return this.note(comment ? comment[1]!.trim() : withoutDisclosures(node.value));
			}
			case 'table':
				if (this.tableSteps(node)) return;
				return this.note(this.blockSource(node));
			case 'blockquote':
				return this.note(this.blockSource(node));
			default:
				this.warnings.push(`line ${node.position?.start.line}: ${node.type} kept as a note`);
				return this.note(this.blockSource(node));
		}
	}

	/** A table with an action column, in a section of steps: a step per row (see table-steps.ts). */
	private tableSteps(node: Table): boolean {
		const sink = this.sink;
		if (!sink?.section || node.children.length < 2) return false;
		const rows = node.children.map((row) => row.children.map((cell) => this.inlineSource(cell.children)));
		const [header, ...body] = rows;
		const columns = tableColumns(header!, body);
		if (!columns) return false;
		if (!listsAreSteps(sink.kind) && !(sink.kind === 'checklist' && columns.command !== undefined)) return false;
		for (const row of body) {
			const text = row[columns.action] ?? '';
			if (isEmptyCell(text)) continue;
			const step: Step = { id: this.idFor(undefined, linkTexts(text), 'step', undefined), text };
			const given = columns.command === undefined ? [] : cellCommands(row[columns.command] ?? '');
			const commands = given.length ? given.map((code) => ({ lang: 'bash', code })) : inlineCommands(text);
			if (commands.length) step.commands = commands;
			const expected = columns.expect === undefined ? '' : (row[columns.expect] ?? '');
			if (!isEmptyCell(expected)) step.expect = expected;
			const details = columns.others.filter((i) => !isEmptyCell(row[i] ?? '')).map((i) => `${header![i]!.replace(/:$/, '')}: ${row[i]}`);
			if (details.length) step.details = details;
			sink.steps.push(step);
		}
		this.lastStep = undefined;
		return true;
	}

	private note(raw: string): void {
		this.lastStep = undefined;
		const markdown = /<\/?(details|summary)\b/i.test(raw) ? withoutDisclosures(raw) : raw;
		if (!markdown.trim()) return;
		if (this.sink) this.sink.addNote(markdown);
		else this.preamble.push(markdown);
	}

	// ---- paragraphs: metadata, sign-off fields, options, prose ---------------------------

	private paragraph(node: Paragraph, next: RootContent | undefined): void {
		// "**Step 3:** …" after "### 2. Drain it": the author went on numbering steps without headings.
		if (this.stack.at(-1)?.step && afterStepLabel(this.inlineSource(node.children)) !== undefined) this.stack.pop();
		const bold = this.boldHeadings.get(node);
		if (bold !== undefined) {
			// Its words without the colon, ending where the bold text ends (for a pinned id).
			const end = (node.children[0] as Strong).children.at(-1)?.position;
			const words: Text = { type: 'text', value: bold, ...(end ? { position: end } : {}) };
			this.heading({ type: 'heading', depth: 2, children: [words], ...(node.position ? { position: node.position } : {}) });
			return;
		}
		const source = this.blockSource(node);
		if (this.responseStep(node, next)) return;
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

	/**
	 * In diagnosis and mitigation, paragraphs are steps when they ask for something: one that
	 * introduces a command ("Run the following command to get the health of etcd:" and a code
	 * fence) is a step with that command; one whose every line is an instruction ("Check the
	 * logs.", "Restart the pod.") is a step per line; one instruction is one step. Anything else
	 * is prose (see sectionSink: after a step it stays under that step).
	 */
	private responseStep(node: Paragraph, next: RootContent | undefined): boolean {
		const sink = this.sink;
		if (!sink?.section || !this.asksAreSteps(sink.kind)) return false;
		const written = this.inlineSource(node.children);
		const end = node.position!.end.offset!;
		// "**Step 3:** Reboot the node": a step by its own say, whatever its words.
		const labelled = afterStepLabel(written);
		const text = labelled ?? written;
		if (labelled) {
			// A code block right after it joins it.
			const introduces = next?.type === 'code';
			const step = this.responseStepFrom(text, node.position?.start.line, end, introduces);
			this.lastStep = introduces ? step : undefined;
			return true;
		}
		if (next?.type === 'code') {
			this.lastStep = this.responseStepFrom(text, node.position?.start.line, end, true);
			return true;
		}
		const lines = this.blockSource(node).split('\n');
		if (lines.length > 1 && lines.every(isInstruction)) {
			let offset = node.position!.start.offset!;
			for (const line of this.slice(offset, end).split('\n')) {
				offset += line.length + 1;
				this.lastStep = this.responseStepFrom(line.trim(), node.position?.start.line, offset - 1);
			}
			this.lastStep = undefined;
			return true;
		}
		if (asksForAction(text)) {
			this.responseStepFrom(text, node.position?.start.line, end);
			this.lastStep = undefined;
			return true;
		}
		return false;
	}

	/** A step from a paragraph or a line; one that introduces a command loses its colon ("… the health of etcd:"). */
	private responseStepFrom(written: string, line: number | undefined, end: number, introducesCommand = false): Step {
		const pin = this.pinOf(written, line);
		if (introducesCommand) pin.text = pin.text.replace(/\s*:\s*$/, '');
		const words = linkTexts(pin.text);
		const step: Step = { id: this.idFor(pin.id, words, 'step', pin.id ? undefined : end), text: pin.text };
		// "Check the usage: `df -h /var/lib/storage`": the command, ready to copy, as in a bullet.
		const commands = introducesCommand ? [] : inlineCommands(pin.text);
		if (commands.length) step.commands = commands;
		this.sink!.steps.push(step);
		return step;
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
			// "**Summary:** …" above the first part: what the runbook is about, for the catalog.
			else if ((label === 'summary' || label === 'description') && !this.sink && this.summary === undefined && f.value)
				this.summary = f.value;
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
		// On a deployment record "Version" is the release being deployed, never the runbook's own
		// version: it is labelled so, and a value written in the source (the release of the day it
		// was written) is not printed on every later sheet; the run fills it in.
		const release = /^(app(lication)? |release )?version$/i.test(f.label);
		const label = release ? 'Release version' : f.label;
		const field: RecordField = { id: this.fieldIds.allocate(f.label, 'field'), label, type: 'text' };
		if (f.choices) {
			field.type = 'choice';
			field.choices = f.choices;
		} else if (f.extraLines > 0 || /^notes?$|comments?/i.test(label)) field.type = 'lines';
		else if (/\bdate\b/i.test(label)) field.type = 'date';
		if (f.value && !release) field.value = f.value;
		else if (f.value)
			this.warnings.push(
				`sign-off record: "${f.label}: ${f.value}" is read as the release of the day the source was written; the sheet fills the release from the run`,
			);
		this.record.push(field);
	}

	// ---- lists and steps ---------------------------------------------------------------

	private list(node: List): void {
		const sink = this.sink;
		if (!sink) {
			this.note(this.blockSource(node));
			return;
		}
		if ((sink.kind === 'reference' || sink.kind === 'escalation') && this.referenceList(node, sink)) return;
		this.lastStep = undefined;
		// In diagnosis and mitigation a bullet list is steps when most bullets ask for something
		// ("Check pod events via `kubectl describe pod`"), not when it lists possibilities ("app
		// waits for the database"); its "See [docs](...)" bullets count for neither and stay notes.
		const bulletSteps = new Set<ListItem>();
		if (!node.ordered && this.asksAreSteps(sink.kind)) {
			const textOf = (item: ListItem) => (item.children[0]?.type === 'paragraph' ? this.inlineSource(item.children[0].children) : '');
			const counted = node.children.filter((item) => !isReference(textOf(item)));
			const asking = counted.filter((item) => isInstruction(textOf(item)) || isCommandOnly(textOf(item)));
			if (asking.length * 2 > counted.length) for (const item of asking) bulletSteps.add(item);
		}
		// A numbered list whose items carry code blocks is a procedure, whatever its heading says.
		const numberedCommands =
			node.ordered && sink.kind === 'checklist' && node.children.some((item) => item.children.some((block) => block.type === 'code'));
		let pending: ListItem[] = [];
		const flush = () => {
			if (!pending.length) return;
			sink.addNote(this.blockSource({ start: pending[0]!.position!.start, end: pending.at(-1)!.position!.end }));
			pending = [];
		};
		for (const item of node.children) {
			if (numberedCommands || bulletSteps.has(item) || this.itemIsStep(item, node, sink.kind)) {
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
		const isContacts = /contact/i.test(section.title) || section.kind === 'escalation';
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
		let pinned: string | undefined;
		let pinAt: number | undefined;
		const blocks = [...rest];
		let trailingOptions: string[] = [];
		if (first?.type === 'paragraph') {
			const phrasing = first.children;
			const pin = this.pinOf(this.inlineSource(phrasing), item.position?.start.line);
			pinned = pin.id;
			if (!pin.id) pinAt = first.position!.end.offset;
			text = pin.text.replace(CRITERION_MARK, '');
			// "**Option A: ...**" on the line right under the item text continues its paragraph
			// in Markdown, but the author meant an option.
			const lines = this.blockSource(first).split('\n');
			const optionLine = lines.findIndex((line, i) => i > 0 && optionTitle(line) !== undefined);
			if (optionLine > 0) {
				text = lines
					.slice(0, optionLine)
					.join(' ')
					.replace(/^\[[ xX]\]\s*/, '')
					.trim();
				trailingOptions = lines.slice(optionLine).filter((line) => optionTitle(line) !== undefined);
			}
			const strong = phrasing[0]?.type === 'strong' ? toString(phrasing[0]) : '';
			idSource = strong || takePin(toString(first)).text.replace(CRITERION_MARK, '');
		} else if (first) blocks.unshift(first);

		// "SSH to the node:" over its command: the colon introduced the block, the step is the words.
		if (blocks.some((block) => block.type === 'code')) text = text.replace(/\s*:\s*$/, '');
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
		const step: Step = {
			id: this.idFor(pinned, splitCondition(idSource).text || withoutCondition || text, 'step', pinAt),
			text: withoutCondition || text,
		};
		// "Check pod events via `kubectl describe pod $POD`": the command, ready to copy, under the step.
		if (this.asksAreSteps(kind)) {
			const commands = inlineCommands(step.text);
			if (commands.length) step.commands = commands;
		}
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
					if ((child.checked !== null && child.checked !== undefined) || containsTask(child))
						(target.steps ??= []).push(this.step(child, kind));
					else if (block.ordered && listsAreSteps(kind)) (target.steps ??= []).push(this.step(child, kind));
					else (step.details ??= []).push(...this.details(child));
				}
			} else if (block.type === 'code') {
				(target.commands ??= []).push(...this.commands(block));
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

	/** A code block as commands: one as written, or a terminal transcript's commands without prompts, each with its output. */
	private commands(node: Code): Command[] {
		return codeBlockCommands(node.value, (node.lang ?? 'bash').toLowerCase());
	}

	// ---- code blocks that are not inside an item ---------------------------------------

	private standaloneCode(node: Code): void {
		const sink = this.sink;
		const lang = (node.lang ?? 'bash').toLowerCase();
		if (this.lastStep) {
			// A fence right after an item belongs to it (authors often forget to indent it).
			const alt = this.lastStep.alternatives?.at(-1);
			const target = alt ?? this.lastStep;
			(target.commands ??= []).push(...this.commands(node));
			return;
		}
		// In a plain checklist a lone block is an illustration (a diagram, a config excerpt)
		// unless its comments number steps or name options; in procedures, rollbacks, checks
		// and known issues it is something to run. In prose (Meaning, Impact) it is an example.
		const structured = splitNumberedComments(node.value) ?? splitOptionComments(node.value);
		if (!sink || (sink.kind === 'checklist' && !sink.addCommands && !structured) || PROSE_KINDS.has(sink.kind)) {
			this.note(this.blockSource(node));
			return;
		}
		if (sink.addCommands && !splitNumberedComments(node.value) && sink.addCommands(this.commands(node))) return;

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
		const step: Step = { id: this.ids.allocate(title, 'step'), text: title, commands: this.commands(node) };
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
		const named = this.options.system ?? this.frontMatter.system ?? this.options.folderSystem;
		if (named) return named;
		// An alert runbook on its own names the alert, not the system it is about.
		if (this.response) return 'Alerts';
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

	/** The source's file name without its folder and extension, e.g. "etcdMembersDown". */
	private fileStem(): string | undefined {
		return this.options.sourceName
			?.split('/')
			.pop()
			?.replace(/\.(md|markdown)$/i, '');
	}

	/** Sections left empty once their sign-off lines moved to `signoff:` are dropped. */
	private pruneEmpty(sections: Section[]): Section[] {
		return sections.filter((section) => {
			if (section.sections) section.sections = this.pruneEmpty(section.sections);
			if (section.sections && !section.sections.length) delete section.sections;
			return Boolean(
				section.steps?.length ||
				section.sections?.length ||
				section.notes?.length ||
				section.contacts?.length ||
				section.resources?.length ||
				section.description,
			);
		});
	}

	private assemble(): ImportedRunbook {
		const system = this.systemName();
		const matter = this.frontMatter;
		const h1 = this.title;
		let title = this.options.title ?? matter.title ?? h1 ?? this.fileStem() ?? `${system} runbook`;
		// A checklist's title says which system it deploys; an alert runbook's is the alert, and a
		// document in a team's folder is titled as the team titled it.
		const guessedSystem = !matter.system && !this.options.folderSystem;
		if (!this.response && guessedSystem && !this.options.title && !matter.title && !title.toLowerCase().includes(system.toLowerCase()))
			title = `${system}: ${title}`;
		if (!h1 && !this.options.title && !matter.title)
			this.warnings.push(
				`no title in front matter and no level-1 heading: title made from the ${this.fileStem() ? 'file name' : 'system name'}`,
			);
		// A document named like an alert (`# NodeRAIDDiskFailure`, `KubeAPIDown.md`) answers it,
		// whatever shape its text has.
		const alerts = matter.alerts.length ? matter.alerts : alertNamesFrom(h1, this.fileStem(), this.response);
		const version = matter.version ?? this.meta.version;
		const lastReviewed = matter.lastReviewed ?? this.meta.lastReviewed;
		const runbook: ImportedRunbook = {
			title,
			system,
			...(this.response ? { kind: 'response' as const } : {}),
			summary: matter.summary ?? this.summary ?? this.meta.purpose ?? '',
			...(alerts.length ? { alerts } : {}),
			...(matter.severity ? { severity: matter.severity } : {}),
			...(matter.aliases.length ? { aliases: matter.aliases } : {}),
			...(version ? { version } : {}),
			...(lastReviewed ? { lastReviewed } : {}),
			...(matter.order !== undefined ? { order: matter.order } : {}),
			...(matter.reviewEveryDays ? { reviewEveryDays: matter.reviewEveryDays } : {}),
			owners: matter.owners,
			tags: matter.tags,
			...(this.options.sourceName ? { source: this.options.sourceName } : {}),
			...(this.preamble.length ? { notes: this.preamble } : {}),
			sections: proposeTimings(proposeExpectations(this.pruneEmpty(this.sections))),
		};
		if (matter.summary && this.summary) (runbook.notes ??= []).unshift(this.summary);
		if (this.summary && this.meta.purpose) (runbook.notes ??= []).push(`Purpose: ${this.meta.purpose}`);
		if (this.roles.length || this.record.length)
			runbook.signoff = {
				roles: proposeRoleParts(
					this.roles,
					runbook.sections.map((section) => ({ id: section.id, title: section.title })),
				),
				record: this.record,
			};
		if (!runbook.version) this.warnings.push(NO_VERSION);
		if (!runbook.lastReviewed) this.warnings.push(NO_REVIEW_DATE);
		if (!this.sections.length) this.warnings.push('no sections found: the runbook needs at least one heading with steps');
		return runbook;
	}

	private dropWarning(warning: string): void {
		const i = this.warnings.indexOf(warning);
		if (i >= 0) this.warnings.splice(i, 1);
	}

	private summarize(runbook: ImportedRunbook, rollback: RollbackProposals): ImportSummary {
		const summary: ImportSummary = {
			sections: 0,
			steps: 0,
			commands: 0,
			alternatives: 0,
			notes: runbook.notes?.length ?? 0,
			contacts: 0,
			resources: 0,
			roles: runbook.signoff?.roles.length ?? 0,
			recordFields: runbook.signoff?.record.length ?? 0,
			mojibakeRepairs: this.mojibakeRepairs,
			rollbackTechniques: rollback.tagged,
			rollbackLinks: rollback.links.length,
			variables: runbook.variables?.length ?? 0,
			response: this.response,
		};
		const countSteps = (steps: Step[] | undefined) => {
			for (const step of steps ?? []) {
				summary.steps++;
				summary.commands += step.commands?.length ?? 0;
				summary.notes += step.notes?.length ?? 0;
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
