/**
 * runsheet init [dir]: a starter for a team's runbooks repository: one example runbook, the
 * config file, and the CI workflows that publish the site on GitHub Pages and GitLab Pages. Every
 * target is checked first: when one exists, nothing is written (an edited workflow or config is
 * never replaced). The .gitignore is added to, never replaced.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isoDay } from '../model/review.ts';
import { packageRoot } from './package-root.ts';

/** The files written: where (from the folder init runs in) and from which starter file (src/cli/starter/). */
export const STARTER_FILES = [
	{ target: 'runbooks/example.yaml', source: 'example.yaml' },
	{ target: 'runsheet.config.yaml', source: 'runsheet.config.yaml' },
	{ target: '.github/workflows/runsheet.yml', source: 'github-pages.yml' },
	{ target: '.gitlab-ci.yml', source: 'gitlab-ci.yml' },
] as const;

const GITIGNORE = { target: '.gitignore', source: 'gitignore' } as const;

/** Where the starter files are: beside this module in a checkout; the package's src/cli/starter once packed. */
export function starterFolder(): string {
	return join(packageRoot(), 'src/cli/starter');
}

export function init(dir: string): number {
	const starter = starterFolder();
	const taken = STARTER_FILES.filter(({ target }) => existsSync(join(dir, target))).map(({ target }) => join(dir, target));
	if (taken.length) {
		console.error(
			`runsheet init: not written, as ${taken.length === 1 ? 'this file exists' : 'these files exist'} already:\n${taken.map((file) => `  ${file}`).join('\n')}\nHint: move ${taken.length === 1 ? 'it' : 'them'} away (or run init in another folder); init never overwrites a file`,
		);
		return 1;
	}
	// Read every starter file before writing one: a broken install writes nothing either.
	const texts = STARTER_FILES.map(({ target, source }) => ({ target, text: starterText(starter, source) }));
	const ignore = gitignoreAdditions(join(dir, GITIGNORE.target), readFileSync(join(starter, GITIGNORE.source), 'utf8'));
	for (const { target, text } of texts) {
		const file = join(dir, target);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, text, { flag: 'wx' });
		console.log(`  wrote ${file}`);
	}
	if (ignore) {
		writeFileSync(join(dir, GITIGNORE.target), ignore.text, { flag: ignore.flag });
		console.log(`  ${ignore.flag === 'wx' ? 'wrote' : 'added to'} ${join(dir, GITIGNORE.target)}`);
	}
	console.log(`runsheet init: done. Next:
  npm i -D runsheet                     (if not yet: pins the version in package.json)
  npx runsheet dev runbooks/            (a live preview while you edit)
  npx runsheet build runbooks/          (the site, in dist/)
Then commit, and turn on Pages: GitHub, Settings → Pages → Source: GitHub Actions; GitLab publishes the pages job by itself.`);
	return 0;
}

function starterText(starter: string, source: string): string {
	const text = readFileSync(join(starter, source), 'utf8');
	// The example is reviewed today, so that it does not start overdue.
	return source === 'example.yaml' ? text.replace(/^lastReviewed: .*$/m, `lastReviewed: ${isoDay(new Date())}`) : text;
}

/** The .gitignore lines not there yet: a new file, or lines appended to the team's own. */
function gitignoreAdditions(file: string, lines: string): { text: string; flag: 'wx' | 'a' } | undefined {
	if (!existsSync(file)) return { text: lines, flag: 'wx' };
	const have = new Set(
		readFileSync(file, 'utf8')
			.split(/\r?\n/)
			.map((line) => line.trim()),
	);
	const missing = lines.split('\n').filter((line) => line && !line.startsWith('#') && !have.has(line));
	if (!missing.length) return undefined;
	const text = readFileSync(file, 'utf8');
	return { text: `${text && !text.endsWith('\n') ? '\n' : ''}${lines.split('\n')[0]}\n${missing.join('\n')}\n`, flag: 'a' };
}
