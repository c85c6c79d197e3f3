import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingOptionalEntries, platformOf } from '../../../scripts/lib/lockfile.ts';

describe('package-lock.json', () => {
	it('lists every optional platform package, so `npm ci` accepts it (run `npm run lockfile` after `npm install`)', () => {
		const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
		expect(missingOptionalEntries(lock).map(([key]) => key)).toEqual([]);
	});
});

describe('platformOf', () => {
	it('reads os, cpu and libc from a platform package name', () => {
		expect(platformOf('@astrojs/compiler-binding-linux-arm64-musl')).toEqual({ os: ['linux'], cpu: ['arm64'], libc: ['musl'] });
		expect(platformOf('@pagefind/windows-x64')).toEqual({ os: ['win32'], cpu: ['x64'] });
		expect(platformOf('@astrojs/compiler-binding-wasm32-wasi')).toEqual({ cpu: ['wasm32'] });
	});
});
