/**
 * npm run validate [-- <folder>]: checks every runbook of a folder (content/runbooks unless named)
 * as the build reads them, without building; exit 1 on a problem. The code is the command line's
 * (src/cli/validate.ts), which `runsheet validate` runs too.
 */
import { exitWhenWritten } from '../src/cli/exit.ts';
import { validate } from '../src/cli/validate.ts';

await exitWhenWritten(await validate(process.argv.slice(2)));
