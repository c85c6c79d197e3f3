/**
 * npm run import -- <checklist.md> [--out <file.yaml>] [--id <id>] [--system <name>] [--title <title>] [--fresh] [--keep-placeholders]
 * npm run import -- <folder> [--out-dir content/runbooks] [--system <name>] [--fresh] [--keep-placeholders] [--verbose]
 * npm run import -- --pin <file.md or folder>
 *
 * A file: turns a Markdown checklist or runbook into a runbook file; prints a summary and
 * warnings on stderr. When --out names an existing runbook, its ids are kept for the steps the
 * import recognises (links and saved progress keep working), with its owners, tags and former
 * ids; --fresh ignores it. Placeholders (`your-domain.com`, `<previous-tag>`, `$NAMESPACE` ...)
 * become variables unless --keep-placeholders.
 *
 * A folder: every Markdown document under it, into <out-dir>/<folder name>/ with the same tree:
 * one runbook file per document, links between documents made links between runbooks, linked
 * images and files copied, index files (`_index.md`) copied for their folder's title. One line
 * per document, then the total. Importing the folder again keeps every id.
 *
 * --report: after a folder's import, how well it went, per document and in total: source words on
 * a page, code blocks as commands or output, procedures with steps, alerts, links not followed,
 * files not read (src/import/report). --format json prints it as JSON on stdout, the lines above on stderr.
 *
 * --pin: writes `{#id}` after every heading and step of Markdown runbooks that has none, in
 * place, so that the Markdown can stay the source and be reworded without breaking links.
 *
 * The code is the command line's (src/cli/import.ts), which `runsheet import` runs too.
 */
import { exitWhenWritten } from '../src/cli/exit.ts';
import { importCommand } from '../src/cli/import.ts';

await exitWhenWritten(await importCommand(process.argv.slice(2)));
