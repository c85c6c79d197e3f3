/**
 * npm run lockfile: completes package-lock.json after `npm install`.
 *
 * The registry these machines reach lacks some platform builds (macOS/Windows binaries of the
 * Astro compiler and Pagefind). `npm install` then leaves those optional packages out of the lock
 * file, and `npm ci` refuses a lock file that does not list every optional dependency. Adding
 * them as platform-restricted optional entries makes `npm ci` work here (it skips them on Linux)
 * and elsewhere (npm resolves them on the platform that needs them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { missingOptionalEntries } from './lib/lockfile.ts';

const path = 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8'));
const missing = missingOptionalEntries(lock);
for (const [key, entry] of missing) lock.packages[key] = entry;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: added ${missing.length} platform-specific optional entries`);
