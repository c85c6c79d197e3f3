/**
 * npm run alerts -- <rule files or folders...> [--base <site URL>] [--format text|json|markdown]
 *   [--strict] [--rewrite [--out-dir <dir>]] [--content <runbooks folder>]
 *
 * Checks alerting rules' runbook_url against this site's runbooks. The code is the command
 * line's (src/cli/alerts.ts), which `runsheet alerts` runs too.
 */
import { exitWhenWritten } from '../src/cli/exit.ts';
import { alerts } from '../src/cli/alerts.ts';

await exitWhenWritten(await alerts(process.argv.slice(2)));
