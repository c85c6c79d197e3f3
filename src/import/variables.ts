import type { Code, InlineCode, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Variable } from '../schema/variables.ts';
import { FILLED_FIELDS, placeholder, splitTemplate, templateReferences } from '../schema/template.ts';
import { isShellLanguage, transcriptLines } from '../model/shell.ts';

/**
 * Proposes runbook variables from the placeholders checklists are full of (`your-domain.com`,
 * `YOUR_DIST_ID`, `<previous-tag>`, `[Name/Contact]`, `backup_YYYYMMDD.sql`, `v1.0.0`) and
 * writes `{{NAME}}` in their place, so a responder fills each in once instead of editing every
 * command under stress. Each proposal is reported; the author can rename or refine it.
 */

export interface VariableProposal {
	variable: Variable;
	/** What was replaced, with how often. */
	replaced: Map<string, number>;
	/** Replaced by `{{$NAME}}` only: the shell's own value where the run gives none. */
	shell: boolean;
}

/** Where a text sits, which decides what counts as a placeholder there. */
interface Place {
	field: string;
	/** The contact's role or the resource's label, for naming a whole-field placeholder. */
	owner?: string;
	/** A command's language. */
	lang?: string;
}

type Rule = (text: string, place: Place, found: Finder) => string;
/** Records a placeholder and gives the reference to write instead: `{{NAME}}`, or `{{$NAME}}` for a shell variable. */
type Finder = (match: string, variable: Variable, shell?: boolean) => string;

const HTML_TAGS = new Set(
	'a abbr b br code dd del details div dl dt em h1 h2 h3 h4 h5 h6 hr i img ins kbd li ol p pre q s samp small span strong sub summary sup table tbody td th thead tr u ul var'.split(
		' ',
	),
);
// Values that grant access: kept out of storage, links and paper. A database URL carries its password.
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIAL|DATABASE_URL|DSN)/;

const toName = (words: string) =>
	words
		.toUpperCase()
		.replace(/[^A-Z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.replace(/^(\d)/, 'N$1');
const ACRONYMS = new Set(['API', 'ID', 'URL', 'DNS', 'SSH', 'AWS', 'GCP', 'DB', 'S3', 'SSL', 'TLS', 'IP', 'CDN', 'JWT', 'SMTP', 'ARN']);
/** DIST_ID → "Dist ID", API_TOKEN → "API token". */
const toLabel = (name: string) => {
	const text = name
		.split('_')
		.map((word) => (ACRONYMS.has(word) ? word : word.toLowerCase()))
		.join(' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
};

function declare(name: string, rest: Partial<Variable> = {}): Variable {
	return { name, label: toLabel(name), ...rest, ...(SECRET_NAME.test(name) ? { secret: true } : {}) };
}

/** The production domain, whichever way the source spells the stand-in. */
const domain: Rule = (text, _place, found) =>
	text.replace(/\byour-?domain\.com\b/gi, (m) =>
		found(
			m,
			declare('DOMAIN', {
				label: 'Domain',
				description: 'The production domain, without https://; sub-domains such as api. stay in the text.',
				example: 'example.com',
				pattern: '[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+',
			}),
		),
	);

/** `YOUR_DIST_ID` → DIST_ID. */
const yourConstant: Rule = (text, _place, found) =>
	text.replace(/\bYOUR_([A-Z0-9]+(?:_[A-Z0-9]+)*)\b/g, (m, name: string) => found(m, declare(name)));

/** `your-bucket-name` → BUCKET_NAME, `your-org` → ORG. */
const yourWords: Rule = (text, _place, found) =>
	text.replace(/\byour-([a-z0-9]+(?:-[a-z0-9]+)*)\b/g, (m, words: string) => found(m, declare(toName(words))));

/** `<previous-tag>`, `<frontend-pod>`, `<my-namespace>`: a name in angle brackets that is no HTML tag. */
const angled: Rule = (text, _place, found) =>
	text.replace(/<([a-z][a-z0-9]*(?:[-_][a-z0-9]+)*)>/g, (m, words: string) =>
		HTML_TAGS.has(words) ? m : found(m, declare(toName(words.replace(/^(?:my|the)[-_](?=[a-z])/, '')))),
	);

/** `{{NAME}}` already written in the source (a template of the team's own): declared as it is. */
const written: Rule = (text, _place, found) =>
	templateReferences(text).reduceRight(
		(out, ref) => out.slice(0, ref.start) + found(out.slice(ref.start, ref.end), declare(ref.name), ref.shell) + out.slice(ref.end),
		text,
	);

/** Environment variables every shell has: never something a responder types in. */
const SHELL_OWN = new Set([
	'HOME',
	'PATH',
	'USER',
	'PWD',
	'OLDPWD',
	'SHELL',
	'HOSTNAME',
	'TERM',
	'LANG',
	'LC_ALL',
	'TMPDIR',
	'EDITOR',
	'PAGER',
	'UID',
	'EUID',
	'PPID',
	'RANDOM',
	'SECONDS',
	'LINENO',
	'IFS',
	'KUBECONFIG',
]);

/**
 * `$NAMESPACE`, `${POD}` in shell code: a value the responder has in the shell, or should. Becomes
 * `{{$NAMESPACE}}`: filled in when the run has a value, else left as `$NAMESPACE` for the shell.
 * Not: a variable the same code assigns (`NODE_NAME=...`), one in single quotes (awk's `$NF`),
 * an escaped `\$`, or the shell's own (`$HOME`).
 */
function shellVariables(code: string, found: Finder): string {
	const assigned = new Set(
		[
			...code.matchAll(
				/(?:^|[\s;&|(])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)?)?([A-Z][A-Z0-9_]*)=|\bfor\s+([A-Z][A-Z0-9_]*)\s+in\b|\bread\s+(?:-\w+\s+)*([A-Z][A-Z0-9_]*)/gm,
			),
		].map((m) => (m[1] ?? m[2] ?? m[3])!),
	);
	let out = '';
	let quoted = false;
	let doubleQuoted = false;
	for (let i = 0; i < code.length; i++) {
		const c = code[i]!;
		const escaped = code[i - 1] === '\\';
		if (c === "'" && !doubleQuoted && !escaped) quoted = !quoted;
		if (c === '"' && !quoted && !escaped) doubleQuoted = !doubleQuoted;
		// `{{ ... }}` is a Go or Helm template: its `$x` are the template's own.
		if (!quoted && c === '{' && code[i + 1] === '{') {
			const end = code.indexOf('}}', i);
			if (end > 0) {
				out += code.slice(i, end + 2);
				i = end + 1;
				continue;
			}
		}
		const match =
			!quoted && c === '$' && !escaped
				? /^\$(?:\{([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\}|([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?![\w]))/.exec(code.slice(i))
				: null;
		const name = match && (match[1] ?? match[2]);
		if (match && name && name.length > 1 && !assigned.has(name) && !SHELL_OWN.has(name)) {
			out += found(match[0], declare(name), true);
			i += match[0].length - 1;
		} else out += c;
	}
	return out;
}

/** Code spans and shell fences inside Markdown, each rewritten by `rewrite`; the rest as written. */
function inCode(markdown: string, rewrite: (code: string, lang: string | undefined) => string): string {
	if (!markdown.includes('$')) return markdown;
	const tree = codeParser.parse(markdown) as Root;
	const edits: { start: number; end: number; text: string }[] = [];
	visit(tree, ['inlineCode', 'code'], (node) => {
		const code = node as InlineCode | Code;
		const lang = code.type === 'code' ? (code.lang ?? '') : undefined;
		if (code.type === 'code' && !isShellLanguage(lang)) return;
		const start = code.position!.start.offset!;
		const slice = markdown.slice(start, code.position!.end.offset!);
		const at = slice.indexOf(code.value, code.type === 'code' ? slice.indexOf('\n') : 0);
		if (at < 0) return;
		edits.push({ start: start + at, end: start + at + code.value.length, text: rewrite(code.value, lang) });
	});
	return edits.reduceRight((out, edit) => out.slice(0, edit.start) + edit.text + out.slice(edit.end), markdown);
}
const codeParser = unified().use(remarkParse).use(remarkGfm);

/**
 * Markdown with what its transcripts printed left as it is (`default-deny-ingress   <none>`, a
 * code block of a note): `rewrite` is given the other lines, a run of them at a time.
 */
function outsideOutputs(markdown: string, rewrite: (text: string) => string): string {
	if (!markdown.includes('```') && !markdown.includes('~~~')) return rewrite(markdown);
	const printed = new Set<number>();
	visit(codeParser.parse(markdown) as Root, 'code', (node) => {
		const code = node as Code;
		const first = code.position!.start.line; // the fence's line, 1-based: the code starts on the next
		for (const line of transcriptLines(code.value, code.lang ?? '') ?? []) if (line.kind === 'output') printed.add(first + line.line);
	});
	if (!printed.size) return rewrite(markdown);
	const out: string[] = [];
	let run: string[] = [];
	const flush = () => {
		if (run.length) out.push(rewrite(run.join('\n')));
		run = [];
	};
	markdown.split('\n').forEach((line, i) => {
		if (printed.has(i)) {
			flush();
			out.push(line);
		} else run.push(line);
	});
	flush();
	return out.join('\n');
}

const shell: Rule = (text, place, found) => {
	if (place.field === 'code') return isShellLanguage(place.lang) ? shellVariables(text, found) : text;
	if (['text', 'details', 'notes', 'description', 'when', 'expect'].includes(place.field))
		return inCode(text, (code) => shellVariables(code, found));
	return text;
};

/** A file named by a date pattern (`backup_YYYYMMDD.sql`): the file, checked against the pattern. */
const datedFile: Rule = (text, place, found) => {
	if (place.field !== 'code') return text;
	return text.replace(/[\w.-]*YYYYMMDD(?:_HHMMSS)?[\w.-]*/g, (m) => {
		const pattern = m
			.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
			.replace('YYYYMMDD', '\\d{8}')
			.replace('HHMMSS', '\\d{6}');
		const name = /backup/i.test(m) ? 'BACKUP_FILE' : 'FILE';
		return found(
			m,
			declare(name, {
				description: `The file's name follows ${m}.`,
				example: m.replace('YYYYMMDD', '20250131').replace('HHMMSS', '093000'),
				pattern,
			}),
		);
	});
};

/** `v1.0.0`, the stand-in release: `v{{VERSION}}`, so tags and messages agree. */
const release: Rule = (text, place, found) => {
	if (place.field !== 'code' && place.field !== 'text' && place.field !== 'expect') return text;
	const version = declare('VERSION', {
		label: 'Release version',
		description: 'The version being released, without the leading v.',
		example: '1.2.0',
		pattern: '\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.-]+)?',
	});
	const previous = declare('PREVIOUS_VERSION', {
		label: 'Previous release tag',
		description: 'The tag that was live before this release, to roll back to.',
		example: 'v1.1.0',
	});
	return text
		.replace(/\bv1\.0\.0-previous\b/g, (m) => found(m, previous))
		.replace(/(?<![\w.])(v?)1\.0\.0(?![\w.-]*\w)/g, (m, v: string) => v + found(m, version));
};

/** `[Name/Contact]`, `[Name] - [Email] - [Phone]`, `[Status page URL]`: a contact or link to fill in. */
const bracketed: Rule = (text, place, found) => {
	if ((place.field !== 'contact' && place.field !== 'href') || !place.owner) return text;
	const whole = /^\s*\[[^\]\n]{1,60}\](?:\s*[-–,/|]?\s*\[[^\]\n]{1,60}\])*\s*$/;
	if (!whole.test(text)) return text;
	const asked = text.replace(/[[\]]/g, '').trim();
	const contact = place.field === 'contact';
	const name = toName(contact ? `${place.owner} contact` : place.owner);
	return found(
		text,
		declare(name, { label: contact ? `${place.owner} (contact)` : place.owner, description: `The source asks for: ${asked}.` }),
	);
};

/**
 * `--from-literal=secret-key="..."`, `API_KEY='sk-...'`: a value elided with "...", named by its key.
 * One word: `msg="Creating machine..."` in a log line is a sentence, not a value left out.
 */
const elided: Rule = (text, place, found) => {
	if (place.field !== 'code') return text;
	return text.replace(/([A-Za-z][\w-]*)=(["'])([^"'\s]*\.\.\.)\2/g, (m, key: string, quote: string, shown: string) => {
		// `--env="DATABASE_URL=..."`: the name is inside the quotes.
		const inner = /^([A-Za-z_]\w*)=(.*)$/.exec(shown);
		const name = toName(inner ? inner[1]! : key);
		const filled = found(m, declare(name, { description: `The source shows ${inner ? inner[2] : shown}` }));
		return `${key}=${quote}${inner ? `${inner[1]}=` : ''}${filled}${quote}`;
	});
};

/**
 * A rule that reads only the text outside the references already written: `$YOUR_URL` became
 * `{{$YOUR_URL}}`, whose name is no `YOUR_…` placeholder of its own.
 */
const outsideReferences =
	(rule: Rule): Rule =>
	(text, place, found) =>
		text.includes('{{')
			? splitTemplate(text)
					.map((part) => (typeof part === 'string' ? rule(part, place, found) : text.slice(part.start, part.end)))
					.join('')
			: rule(text, place, found);

const RULES: Rule[] = [
	written,
	shell,
	...[bracketed, elided, datedFile, release, domain, yourConstant, yourWords, angled].map(outsideReferences),
];

/**
 * Rewrites every filled-in field of `data` (mutating it) and returns the variables, in order of
 * first use. Only what the source marks becomes a value: a bare word equal to an angled
 * placeholder (`:previous-tag` after `<previous-tag>`, a deployment named `virt-controller`
 * after `<virt-controller>`) stays as written, since the same word is as often a literal name.
 */
export function proposeVariables(data: { sections: unknown; notes?: unknown }): VariableProposal[] {
	const proposals = new Map<string, VariableProposal>();
	const found: Finder = (match, variable, shell = false) => {
		const proposal = proposals.get(variable.name) ?? { variable, replaced: new Map(), shell };
		proposal.shell &&= shell;
		proposal.replaced.set(match, (proposal.replaced.get(match) ?? 0) + 1);
		proposals.set(variable.name, proposal);
		return shell ? `{{$${variable.name}}}` : placeholder(variable.name);
	};
	const rules = (text: string, place: Place) => RULES.reduce((t, rule) => rule(t, place, found), text);
	const rewrite = (text: string, place: Place) =>
		place.field === 'code' ? rules(text, place) : outsideOutputs(text, (part) => rules(part, place));
	walkFields(data, rewrite);
	return [...proposals.values()];
}

/** Applies `rewrite` to each string of a filled-in field, knowing the field and its owner. */
export function walkFields(data: unknown, rewrite: (text: string, place: Place) => string): void {
	const walk = (value: unknown, field: string, owner: string | undefined, lang: string | undefined): unknown => {
		if (typeof value === 'string')
			return FILLED_FIELDS.has(field)
				? rewrite(value, { field, ...(owner ? { owner } : {}), ...(lang !== undefined ? { lang } : {}) })
				: value;
		if (Array.isArray(value)) {
			value.forEach((v, i) => (value[i] = walk(v, field, owner, lang)));
			return value;
		}
		if (value && typeof value === 'object') {
			const record = value as Record<string, unknown>;
			const own = typeof record.role === 'string' ? record.role : typeof record.label === 'string' ? record.label : undefined;
			const language = typeof record.lang === 'string' ? record.lang : undefined;
			for (const [key, v] of Object.entries(record)) if (key !== 'variables') record[key] = walk(v, key, own, language);
			return record;
		}
		return value;
	};
	walk(data, '', undefined, undefined);
}

/** One line per proposal for the import report. */
export function describeProposal({ variable, replaced, shell }: VariableProposal): string {
	const what = [...replaced].map(([text, n]) => `"${text}"${n > 1 ? ` ×${n}` : ''}`).join(', ');
	return `variable ${variable.name}${variable.secret ? ' (secret)' : ''}: ${what} → ${shell ? `{{$${variable.name}}} (the shell's $${variable.name} where no value is given)` : placeholder(variable.name)}`;
}
