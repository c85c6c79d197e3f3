import { posix } from 'node:path';

/**
 * pymdownx.snippets (MkDocs): `--8<-- "file.md"` on a line of its own, or a block of file names
 * between two `--8<--` lines, is the named file's text, put in before Markdown is read (inside code
 * blocks too: that is how a script is shown). Looked for in the base paths `mkdocs.yml` names (else
 * beside it, then in the docs), inside the imported folder only. `file.md:3:9` takes lines 3 to 9,
 * `file.md:name` the part between `--8<-- [start:name]` and `--8<-- [end:name]`. A line escaped
 * with `;` is left as written; a file that is not there (or a URL, never fetched) is kept as text,
 * and said.
 */
const SINGLE = /^([ \t]*)(;?)-{1,}8<-{1,}[ \t]+(['"])([^'"\n]+)\3[ \t]*$/;
const BLOCK = /^([ \t]*)-{1,}8<-{1,}[ \t]*$/;
const SECTION = /^[ \t]*(?:#|\/\/|<!--|;)?[ \t]*-{1,}8<-{1,}[ \t]+\[(?:start|end):[^\]]*\].*$/;

export interface SnippetOptions {
	/** Folders to look in, in order (paths in the imported folder). */
	bases: readonly string[];
	read: (path: string) => string | undefined;
}

export function expandSnippets(markdown: string, from: string, options: SnippetOptions): { text: string; notes: string[] } {
	const notes: string[] = [];
	if (!markdown.includes('8<')) return { text: markdown, notes };
	const find = (name: string): string | undefined => {
		const [file, ...selector] = name.trim().split(':');
		if (/^[a-z][a-z0-9+.-]*$/i.test(file!) && selector.length && selector[0]!.startsWith('//')) return undefined;
		for (const base of [...options.bases, posix.dirname(from)]) {
			const path = posix.normalize(posix.join(base === '.' ? '' : base, file!));
			if (path.startsWith('..') || path.startsWith('/')) continue;
			const text = options.read(path);
			if (text === undefined) continue;
			return select(text.replace(/\r\n?/g, '\n'), selector);
		}
		return undefined;
	};
	const expand = (text: string, depth: number, line0: number): string => {
		const lines = text.split('\n');
		const out: string[] = [];
		for (let i = 0; i < lines.length; i++) {
			const line = lines[i]!;
			const single = SINGLE.exec(line);
			const where = `line ${line0 + i + 1}`;
			const include = (indent: string, name: string) => {
				const found = depth < 4 ? find(name) : undefined;
				if (found === undefined) {
					notes.push(`${where}: snippet "${name}" ${depth < 4 ? 'is not in the folder' : 'nests too deep'}; kept as text`);
					return false;
				}
				const inner = expand(found.replace(/\n$/, ''), depth + 1, line0 + i);
				out.push(...inner.split('\n').map((l) => (l ? indent + l : l)));
				return true;
			};
			if (single) {
				if (single[2]) out.push(line.replace(';', ''));
				else if (!include(single[1]!, single[4]!)) out.push(line);
				continue;
			}
			const block = BLOCK.exec(line);
			const close = block ? lines.findIndex((l, j) => j > i && BLOCK.test(l)) : -1;
			if (block && close > i) {
				for (const name of lines.slice(i + 1, close)) {
					if (!name.trim() || name.trim().startsWith(';')) continue;
					if (!include(block[1]!, name.trim())) out.push(name);
				}
				i = close;
				continue;
			}
			out.push(line);
		}
		return out.join('\n');
	};
	return { text: expand(markdown, 0, 0), notes };
}

/** Lines `a` to `b` (from 1), or a named section, of a snippet file; its section marks never shown. */
function select(text: string, selector: string[]): string | undefined {
	const lines = text.split('\n');
	if (!selector.length) return lines.filter((line) => !SECTION.test(line)).join('\n');
	if (/^\d*$/.test(selector[0]!)) {
		const start = Math.max(1, Number(selector[0]) || 1);
		const end = selector[1] && /^\d+$/.test(selector[1]) ? Number(selector[1]) : lines.length;
		return lines.slice(start - 1, end).join('\n');
	}
	const name = selector[0]!;
	const start = lines.findIndex((line) => line.includes(`[start:${name}]`));
	const end = lines.findIndex((line, i) => i > start && line.includes(`[end:${name}]`));
	if (start === -1 || end === -1) return undefined;
	return lines
		.slice(start + 1, end)
		.filter((line) => !SECTION.test(line))
		.join('\n');
}
