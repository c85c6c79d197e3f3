/**
 * npm run lint:runbooks [-- <files or folders...>] [--format text|json|sarif] [--fix]
 *   [--max-warnings N] [--today YYYY-MM-DD] [--settings content/settings.yaml]
 *
 * Checks runbooks against the rules good checklists follow; exit 1 on an error or too many
 * warnings, 2 on a file that is not valid. The code is the command line's (src/cli/lint.ts),
 * which `runsheet lint` runs too.
 */
import { exitWhenWritten } from '../src/cli/exit.ts';
import { lint } from '../src/cli/lint.ts';

await exitWhenWritten(await lint(process.argv.slice(2)));
