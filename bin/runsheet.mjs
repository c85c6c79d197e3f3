#!/usr/bin/env node
// The `runsheet` command. Plain JavaScript that any Node parses (nothing newer than Node 14), so
// that an older Node is told what to install here rather than fail deep inside Astro.
import { existsSync } from 'fs';
import { fileURLToPath } from 'url';

var NEED = [22, 12];

function tooOld(version) {
	var parts = version.split('.').map(Number);
	return parts[0] < NEED[0] || (parts[0] === NEED[0] && parts[1] < NEED[1]);
}

if (tooOld(process.versions.node)) {
	process.stderr.write(
		'runsheet needs Node ' +
			NEED.join('.') +
			' or newer; this is Node ' +
			process.versions.node +
			' (' +
			process.execPath +
			').\n' +
			'Install it in one of these ways:\n' +
			'  npm i -D node@22        in your runbooks repository: npm scripts and npx then run Node 22 from node_modules\n' +
			'  nvm install 22          with nvm (https://github.com/nvm-sh/nvm), then nvm use 22\n' +
			'  https://nodejs.org/     the installer of the current LTS\n',
	);
	process.exit(1);
}

// The installed package runs its bundle (Node runs no TypeScript inside node_modules); a checkout
// of the repository runs the TypeScript itself, never a lib/ left by an earlier `npm pack`.
var bundle = new URL('../lib/cli.js', import.meta.url);
var installed = /[\\/]node_modules[\\/]/.test(fileURLToPath(import.meta.url));
var entry = installed && existsSync(fileURLToPath(bundle)) ? bundle : new URL('../src/cli/main.ts', import.meta.url);

import(entry.href)
	.then(function (cli) {
		return cli.main(process.argv.slice(2));
	})
	.then(
		function (code) {
			exitWhenWritten(code);
		},
		function (error) {
			if (error && error.code === 'ERR_UNKNOWN_FILE_EXTENSION') {
				process.stderr.write(
					'runsheet: ' + fileURLToPath(entry) + ' is TypeScript: a checkout needs Node 22.18 or newer, or `npm run prepack` first.\n',
				);
			} else process.stderr.write(((error && error.stack) || String(error)) + '\n');
			exitWhenWritten(1);
		},
	);

// process.exit() alone drops what a slow pipe has not taken yet (the end of a long `links` listing
// on a busy machine); a write's callback runs once everything queued before it is handed over.
function exitWhenWritten(code) {
	var pending = 2;
	var done = function () {
		if (--pending === 0) process.exit(code);
	};
	process.stdout.write('', done);
	process.stderr.write('', done);
}
