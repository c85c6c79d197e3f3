import type { SectionKind } from '../schema/section.ts';
import { isShellLanguage } from '../model/shell.ts';
import { isCommandOnly, isInstruction, inlineCommands, isProgram, PROSE_KINDS } from './response.ts';

/**
 * Procedures wherever a document writes them, not only under Diagnosis or Mitigation: the rules
 * that tell a step written in prose from an explanation, on text alone. The readers ask them;
 * what is not one stays prose, as written (a page that explains is not a checklist).
 */

/** Sections where these forms are steps: any but those to read (Meaning, Impact, Escalation) and sign-off. */
export function holdsProcedures(kind: SectionKind): boolean {
	return !PROSE_KINDS.has(kind) && kind !== 'signoff';
}

/** The sentences of a paragraph, split where one ends and a capital or a mark starts the next. */
const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z`*_[])/);

/**
 * Words that introduce what a command prints or what a file looks like, not something to do:
 * "The output will be:", "the following will be logged:", "You should see:", "It looks like this:".
 */
const INTRODUCES_OUTPUT = new RegExp(
	[
		String.raw`\boutput\s*(?:is|was|will be|should be|looks like)?\s*$`,
		String.raw`\b(?:the|its|this|sample|example|expected)\s+output\s+(?:is|will|should|looks?)\b`,
		String.raw`\bwill\s+be\s*$`,
		String.raw`(?<!\b(?:you|we)\s+)\b(?:will|should|would|may|might)\s+(?:now\s+)?(?:be\s+)?(?:print|log|show|display|return|output|look|read|contain|appear|produce)(?:ed|s)?\b`,
		String.raw`\b(?:is|are|gets?|be|being)\s+(?:logged|printed|shown|displayed|returned|emitted)\b`,
		String.raw`\byou(?:'ll|\s+will|\s+should|\s+may|\s+might|\s+would)\s+(?:now\s+)?(?:see|get|notice|receive)\b`,
		String.raw`\blooks?\s+(?:something\s+)?like\b`,
		String.raw`\bsimilar\s+to\b`,
		String.raw`\bresult(?:s|ing)?\s+(?:is|are|in|will|should)\b`,
		String.raw`\b(?:prints|returns|shows|displays|outputs|gives|yields|produces)\b(?:\s+(?:something\s+like|the\s+following|this|these))?\s*$`,
		String.raw`^(?:result|response|example|sample)\s*$`,
	].join('|'),
	'i',
);

/**
 * What may stand before the instruction of a sentence: a purpose or a condition ("To label the
 * node, …", "If you want to remove both services, …", "For example, …"), a modal ("you can run",
 * "you'd type", "we will need to apply"), a requirement ("it is required to enable …").
 */
const CLAUSE =
	/^(?:for example|for instance|e\.g\.|(?:if|when|once|in case|unless|after|before|to|in order to)\b[^,]*|optionally|alternatively|otherwise|then|now|first|next|finally|also)\s*,\s*(.+)$/i;
const MODAL =
	/^(?:you|we)\s*(?:'d|'ll|’d|’ll|\s+would|\s+will|\s+can|\s+could|\s+should|\s+must|\s+may|\s+might|\s+need to|\s+have to|\s+will need to|\s+want to)\s+(?:also\s+|now\s+|then\s+|first\s+|simply\s+|just\s+)?(.+)$/i;
const REQUIRED = /^it(?:'s|’s|\s+is)\s+(?:required|necessary|recommended|advisable|mandatory|important)\s+to\s+(.+)$/i;

const BY_DOING = /\bby\s+(?:adding|applying|creating|editing|entering|executing|running|setting|typing|updating|using)\b/i;

/**
 * Verbs of how-to pages beyond those of alert runbooks (response.ts, whose list decides steps in a
 * diagnosis and is kept as it is): typing, fetching, editing, publishing.
 */
const HOW_TO_VERBS = new Set(
	`annotate append build choose clone click commit customise customize declare download enroll enter fill generate import include initialise initialize insert invoke modify obtain paste pick provision publish pull push register retrieve save specify tag type uncomment upload visit`.split(
		' ',
	),
);

/** Whether a sentence asks the reader to do something: an instruction, after what may stand before it. */
export function sentenceAsks(sentence: string): boolean {
	const text = sentence.replace(/^[\s*_>]+/, '').trim();
	const word = /^([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase();
	if (isInstruction(text) || (word !== undefined && HOW_TO_VERBS.has(word))) return true;
	// "This can be done by running:", "… can be allowed by adding the following to …".
	if (BY_DOING.test(text)) return true;
	return [CLAUSE, MODAL, REQUIRED].some((pattern) => {
		const rest = pattern.exec(text)?.[1];
		return rest !== undefined && rest !== text && sentenceAsks(rest);
	});
}

/** Whether the words before a colon only introduce what a command prints or an example file, not a step. */
export function introducesOutput(sentence: string): boolean {
	return INTRODUCES_OUTPUT.test(sentence.replace(/\s*:\s*$/, ''));
}

/**
 * "…:" followed by a code block: whether the sentence and its block are a step. Not when the
 * sentence introduces output ("The output will be:", "You should see:"); yes when it asks for
 * something ("To label the node, use the following command:", "Apply this manifest:"), or when
 * the block is a shell command ("… using the `kubectl cnpg fencing` subcommand as follows:"). A
 * file or data block that nothing asks for is an illustration ("Here is an example of a Cluster:").
 */
export function introducesStep(paragraph: string, lang: string | null | undefined, code: string): boolean {
	const text = paragraph.trim();
	// One colon: ":::" closes an admonition, it introduces nothing.
	if (!/[^:]:\s*$/.test(text)) return false;
	const last = sentences(text).at(-1)!;
	if (introducesOutput(last)) return false;
	if (sentenceAsks(last)) return true;
	// A block with no language is a command when it shows a prompt or starts by running a program.
	return lang ? isShellLanguage(lang) : /^\s*\$ \S/m.test(code) || runsAProgram(code);
}

/** Shell words beyond the programs that make a code span a command (response.ts): moving, setting up, building. */
const SHELL_STARTS = new Set([
	'cd',
	'source',
	'export',
	'python',
	'python3',
	'pip',
	'pip3',
	'npm',
	'npx',
	'yarn',
	'go',
	'make',
	'apt',
	'apt-get',
	'yum',
	'dnf',
	'brew',
	'service',
]);

/** Whether a block's first line (comments aside) starts with a program: `cd /opt/netbox`, `kubectl get pods`. */
function runsAProgram(code: string): boolean {
	const first = code.split('\n').find((line) => line.trim() && !line.trim().startsWith('#'));
	const word = first?.trim().split(/\s+/)[0] ?? '';
	return isProgram(word) || SHELL_STARTS.has(word) || /^\.{0,2}\/[\w./-]+$/.test(word);
}

/**
 * Whether an item of a numbered list asks for something: an instruction ("Create the user",
 * "To enable it, set …"), or a command to run ("`kubectl get pods`", "Run `make deploy`").
 */
export function itemAsks(text: string): boolean {
	return sentenceAsks(text) || isCommandOnly(text) || inlineCommands(text).length > 0;
}

/**
 * Whether a numbered heading is a step: its words ask for something, written as a sentence
 * ("1. Retrieve the snapshot ARNs"), not as the name of a group of checks ("6. Build & Package",
 * "9. Post-Deployment Verification", "4. Deploy Backend": a verb can be a noun in Title Case).
 */
export function headingAsks(title: string): boolean {
	const words = title.split(/\s+/).filter((word) => /^[A-Za-z]/.test(word));
	const titleCase = words.length > 1 && words.every((word) => /^[A-Z]/.test(word));
	return !title.includes('&') && !/^[A-Za-z]+-/.test(title) && !titleCase && sentenceAsks(title);
}
