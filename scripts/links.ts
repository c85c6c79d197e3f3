/**
 * npm run links -- <runbook-id> [--base https://runbooks.example.com] [--format text|markdown|json] [--content <runbooks folder>]
 * Prints the URL of every section and step of a runbook. The code is the command line's
 * (src/cli/links.ts), which `runsheet links` runs too.
 */
import { exitWhenWritten } from '../src/cli/exit.ts';
import { links } from '../src/cli/links.ts';

await exitWhenWritten(await links(process.argv.slice(2)));
