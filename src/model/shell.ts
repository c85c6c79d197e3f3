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
 * A terminal transcript (`$ kubectl get nodes` and what it printed) as commands to copy, without
 * their prompts, each with the output that follows it. Consecutive prompted lines (and lines
 * continued with a backslash) are one command. Undefined when the block has no prompts: it is a
 * script, copied as written.
 */
export function splitPrompts(code: string, lang: string | null | undefined): PromptedCommand[] | undefined {
	if (!isShellLanguage(lang)) return undefined;
	const lines = code.split('\n');
	if (!lines.some((line) => PROMPT.test(line))) return undefined;
	const commands: { code: string[]; output: string[] }[] = [];
	let continued = false;
	let prompted = false;
	for (const line of lines) {
		const last = commands.at(-1);
		if (!prompted && !PROMPT.test(line)) {
			// Lines before the first prompt (a comment saying where to run it) go with the first command.
			if (line.trim() || last) (last ?? commands[commands.push({ code: [], output: [] }) - 1]!).code.push(line);
		} else if (continued && last) {
			last.code.push(line);
			continued = /\\\s*$/.test(line);
		} else if (PROMPT.test(line)) {
			prompted = true;
			const command = line.replace(PROMPT, '');
			// Commands typed one after another, with nothing printed between, are copied together.
			if (last && !last.output.some((l) => l.trim())) last.code.push(command);
			else commands.push({ code: [command], output: [] });
			continued = /\\\s*$/.test(command);
		} else last!.output.push(line);
	}
	return commands.map((c) => {
		const output = c.output.join('\n').replace(/^\n+|\s+$/g, '');
		return { code: c.code.join('\n').trimEnd(), ...(output ? { output } : {}) };
	});
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
