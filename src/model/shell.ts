/**
 * Shell commands as documents write them: a terminal transcript (`$ kubectl get nodes` and what
 * it printed) is commands to copy, without their prompts, each with its output. Shared by the
 * importer and the pages (a code block kept in a note is shown the same way).
 */

/** Languages of shell blocks, where `$ ` starts a command and other lines are what it printed. */
const SHELL_LANGS = new Set(['', 'bash', 'sh', 'shell', 'zsh', 'console', 'shellsession', 'shell-session', 'terminal']);

export function isShellLanguage(lang: string | null | undefined): boolean {
	return SHELL_LANGS.has((lang ?? '').toLowerCase());
}

export interface PromptedCommand {
	code: string;
	/** What the source shows the command printing, if anything. */
	output?: string;
}

const PROMPT = /^\s*\$ (?=\S)/;
/**
 * The prompt of a shell an earlier command opened: `sh-4.4# `, `bash-5.1$ `, `[root@node /]# `,
 * `postgres=# `, `mysql> `. Only read after a `$ ` command: before one, such a line is the block's own.
 */
const OTHER_PROMPT = /^\s*(?:\w[\w.@:~/-]*[#$>] |\[[^\]\n]+\][#$] |[\w-]+=[#>] )(?=\S)/;
/**
 * A `#` line: a comment, or root's bare prompt (`# docker-machine ls` after `sudo su`). Either way
 * part of the command, copied as written: which one it is, only its author knows.
 */
const COMMENT = /^\s*#/;

/**
 * A terminal transcript (`$ kubectl get nodes` and what it printed) as commands to copy, without
 * their prompts, each with the output that follows it. A line is a command when it carries the
 * `$ ` prompt, the prompt of a shell an earlier command opened (`sh-4.4# chroot /host` after
 * `oc debug node/x`), continues a command with a trailing backslash, or starts with `#` (a
 * comment, or root's bare prompt: copied as written); lines before the first prompt are commands too.
 * Every other line is what the command before it printed. Consecutive command lines, with nothing
 * printed between, are one command. Undefined when the block has no prompts: it is a script,
 * copied as written.
 */
export function splitPrompts(code: string, lang: string | null | undefined): PromptedCommand[] | undefined {
	const lines = transcriptLines(code, lang);
	if (!lines) return undefined;
	const commands: { code: string[]; output: string[] }[] = [];
	for (const { kind, text } of lines) {
		const last = commands.at(-1);
		if (kind === 'output') last!.output.push(text);
		// Commands typed one after another, with nothing printed between, are copied together.
		else if (last && (kind === 'continued' || !last.output.some((l) => l.trim()))) {
			last.code.push(...last.output, text);
			last.output = [];
		} else commands.push({ code: [text], output: [] });
	}
	return commands.map((c) => {
		const output = c.output.join('\n').replace(/^\n+|\s+$/g, '');
		return { code: c.code.join('\n').trimEnd(), ...(output ? { output } : {}) };
	});
}

export interface TranscriptLine {
	/** `continued`: a line a command continues on (after a trailing backslash), or before the first prompt. */
	kind: 'command' | 'continued' | 'output';
	/** The line without its prompt. */
	text: string;
}

/**
 * Each line of a terminal transcript, by the rules of splitPrompts: a command's (without its
 * prompt) or what one printed. Undefined when the block has no `$ ` prompt. Blank lines before the
 * first prompt are left out.
 */
export function transcriptLines(code: string, lang: string | null | undefined): (TranscriptLine & { line: number })[] | undefined {
	if (!isShellLanguage(lang)) return undefined;
	const lines = code.split('\n');
	if (!lines.some((line) => PROMPT.test(line))) return undefined;
	const out: (TranscriptLine & { line: number })[] = [];
	let continued = false;
	let prompted = false;
	lines.forEach((line, i) => {
		if (!prompted && !PROMPT.test(line)) {
			// Lines before the first prompt (a comment saying where to run it) go with the first command.
			if (line.trim() || out.length) out.push({ kind: out.length ? 'continued' : 'command', text: line, line: i });
			return;
		}
		if (continued) {
			out.push({ kind: 'continued', text: line, line: i });
			continued = /\\\s*$/.test(line);
			return;
		}
		const prompt = PROMPT.test(line) ? PROMPT : OTHER_PROMPT.test(line) ? OTHER_PROMPT : undefined;
		if (prompt) {
			prompted = true;
			const typed = line.replace(prompt, '');
			out.push({ kind: 'command', text: typed, line: i });
			continued = /\\\s*$/.test(typed);
		} else if (COMMENT.test(line)) out.push({ kind: 'command', text: line, line: i });
		else out.push({ kind: 'output', text: line, line: i });
	});
	return out;
}

/** A session's language says how it looks with prompts; the commands alone are shell. */
const SESSION_LANGS = new Set(['console', 'shellsession', 'shell-session', 'terminal']);

/**
 * A code block as commands to copy: itself, or a transcript's commands without their prompts,
 * each with its output.
 */
export function codeBlockCommands(code: string, lang: string): { lang: string; code: string; output?: string }[] {
	const prompted = splitPrompts(code, lang);
	if (!prompted) return [{ lang, code }];
	const commandLang = SESSION_LANGS.has(lang) ? 'bash' : lang;
	return prompted.map((command) => ({ lang: commandLang, ...command }));
}
