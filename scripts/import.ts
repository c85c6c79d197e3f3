/**
 * npm run import -- <checklist.md> [--out <file.yaml>] [--id <id>] [--system <name>] [--title <title>] [--fresh] [--keep-placeholders]
 * Turns a Markdown checklist into a runbook file; prints a summary and warnings on stderr.
 * When --out names an existing runbook, its ids are kept for the steps the import recognises
 * (links and saved progress keep working), with its owners, tags and former ids; --fresh
 * ignores it. Placeholders (`your-domain.com`, `<previous-tag>`, ...) become variables unless
 * --keep-placeholders.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importChecklist, runbookToYaml } from '../src/lib/import/index.ts';
import { runbookIdFromFile } from '../src/lib/validate-runbook.ts';
import { slugify } from '../src/lib/ids.ts';

const USAGE = 'usage: npm run import -- <checklist.md> [--out content/runbooks/<id>.yaml] [--id <id>] [--system <name>] [--title <title>] [--fresh] [--keep-placeholders]';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		out: { type: 'string' },
		id: { type: 'string' },
		system: { type: 'string' },
		title: { type: 'string' },
		fresh: { type: 'boolean', default: false },
		'keep-placeholders': { type: 'boolean', default: false },
		help: { type: 'boolean', short: 'h' },
	},
});

if (values.help || positionals.length !== 1) {
	console.error(USAGE);
	process.exit(values.help ? 0 : 2);
}

const input = positionals[0]!;
let markdown: string;
try {
	markdown = readFileSync(input, 'utf8');
} catch (error) {
	console.error(`import: cannot read ${input}: ${(error as Error).message}`);
	process.exit(1);
}

const id = values.id ?? (values.out ? runbookIdFromFile(values.out) : slugify(basename(input).replace(/\.(md|markdown)$/i, '')));
const previous = values.out && !values.fresh && existsSync(values.out) ? parse(readFileSync(values.out, 'utf8')) : undefined;
const { runbook, summary, warnings, proposals } = importChecklist(markdown, {
	id,
	system: values.system,
	title: values.title,
	sourceName: basename(input),
	variables: !values['keep-placeholders'],
	...(previous ? { previous } : {}),
});
const yaml = runbookToYaml(runbook);

if (values.out) writeFileSync(values.out, yaml);
else process.stdout.write(yaml);

const counts = Object.entries(summary)
	.map(([key, value]) => `${key}: ${value}`)
	.join(', ');
console.error(`import: ${input} -> ${values.out ?? 'stdout'} (id "${id}")\n  ${counts}`);
for (const proposal of proposals) console.error(`  ${proposal}`);
for (const warning of warnings) console.error(`  warning: ${warning}`);
