/**
 * npm run test:imported-site: builds Runsheet with runbooks nobody here wrote, as a new user
 * would bring them, into .test-sites/imported/, and checks its links. The browser tests of
 * tests/e2e/imported.spec.ts run against it.
 *
 * - The prometheus-operator runbooks (tests/fixtures/corpora, 108 alert runbooks) through
 *   `npm run import -- <folder>`: one YAML runbook per document, no hand edits; and the same way
 *   tests/fixtures/playbooks: playbooks (a runbook per alert) and folder indexes that are pages.
 * - A team folder kept as Markdown (tests/fixtures/team-runbooks), copied in as it is: read
 *   through the importer at build time; and the runbooks the alert rule fixtures name
 *   (tests/fixtures/alerts/runbooks); and runbooks written for other tools' Markdown
 *   (tests/fixtures/other-tools: MkDocs admonitions, GitHub and Obsidian callouts, "Step 1:"
 *   headings, headings with an emoji), read at build time too.
 * - Hostile input (tests/fixtures/hostile): markup in names (a YAML system, a `service:`, an
 *   `_index.md` H1, a folder's name: tests/support/fixtures.ts) and files beside the runbooks,
 *   linked and not.
 * - A hand-written runbook that breaks every lint rule (tests/fixtures/lint), as
 *   `npm run lint:runbooks -- --fix` leaves it; with the site's settings showing lint findings
 *   on runbook pages (.test-sites/imported/runsheet.config.yaml).
 * - Live runs on, through a sync server on this machine (tests/support/ports.ts), which the
 *   live-run tests start and stop.
 *
 * Prints how long the import and the build took.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runStep } from './lib/run-step.ts';
import { SEARCH_FRAGMENT_FILES_ENV } from '../src/build/search-after.ts';
import type { ImportReport } from '../src/import/report/index.ts';
import { SYNC_TOKEN_URL, SYNC_URL } from '../tests/support/ports.ts';
import { CORPORA, HOSTILE, HOSTILE_FOLDER, HOSTILE_FOLDER_NAME, PROMETHEUS_CORPUS as CORPUS } from '../tests/support/fixtures.ts';

export const IMPORTED_SITE = '.test-sites/imported';
/** Each corpus's import report (JSON), by the corpus's folder name. */
export const REPORTS = join(IMPORTED_SITE, 'reports');
const TEAM = 'tests/fixtures/team-runbooks';
/** Runbooks that answer alerts of tests/fixtures/alerts/rules, two of them the same alert. */
const SHOP = 'tests/fixtures/alerts/runbooks';
const LINTED = 'tests/fixtures/lint/payments-restore.yaml';
/** Runbooks written for other tools' Markdown: admonitions, callouts, step headings. */
const OTHER_TOOLS = 'tests/fixtures/other-tools';
/** Playbooks (many alerts in one file) and folder indexes that are pages, imported with the CLI too. */
const PLAYBOOKS = 'tests/fixtures/playbooks';
/** A runbook for the live-run tests, with a secret variable. */
const LIVE = 'tests/fixtures/live';

const content = join(IMPORTED_SITE, 'runbooks');
const dist = join(IMPORTED_SITE, 'dist');
rmSync(IMPORTED_SITE, { recursive: true, force: true });
mkdirSync(content, { recursive: true });

const run = (what: string, args: string[], env: Record<string, string> = {}) => runStep('imported site', what, args, env);

// Every corpus, each imported as its own folder with its report (what the source holds against
// what its runbooks hold), which tests/e2e/corpora.imported.spec.ts holds to the figures.
mkdirSync(REPORTS);
const corpora = [
	CORPUS,
	...readdirSync(CORPORA, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => join(CORPORA, d.name)),
];
const imports = [...new Set(corpora)].map((folder) => {
	const step = run(`the import of ${basename(folder)}`, [
		'scripts/import.ts',
		folder,
		'--out-dir',
		content,
		'--report',
		'--format',
		'json',
	]);
	writeFileSync(join(REPORTS, `${basename(folder)}.json`), step.stdout);
	const { totals: t } = JSON.parse(step.stdout) as ImportReport;
	console.log(
		`${basename(folder)}: ${t.documents} documents, words ${t.words.percent}%, code blocks ${t.codeBlocks.percent}%, procedures with steps ${t.procedures.withSteps}/${t.procedures.source}, ${t.alerts} alerts`,
	);
	return step;
});
const importSeconds = imports.reduce((n, step) => n + step.seconds, 0);
run('the playbooks import', ['scripts/import.ts', PLAYBOOKS, '--out-dir', content]);
cpSync(TEAM, join(content, 'team'), { recursive: true });
cpSync(SHOP, join(content, 'shop'), { recursive: true });
cpSync(LIVE, join(content, 'live'), { recursive: true });
cpSync(OTHER_TOOLS, join(content, 'other-tools'), { recursive: true });
for (const part of ['markup', 'ops']) cpSync(join(HOSTILE, part), join(content, 'hostile', part), { recursive: true });
cpSync(HOSTILE_FOLDER, join(content, HOSTILE_FOLDER_NAME), { recursive: true });
const linted = join(content, 'lint', 'payments-restore.yaml');
mkdirSync(join(content, 'lint'));
cpSync(LINTED, linted);
console.log(run('the lint --fix', ['scripts/lint-runbooks.ts', linted, '--fix']).stdout.trim().split('\n').at(-1));
const config = join(IMPORTED_SITE, 'runsheet.config.yaml');
// Live runs sync through the server tests/e2e/live.imported.spec.ts starts, with tokens from its /token.
writeFileSync(config, `lint:\n  showOnPages: true\nsync:\n  url: ${SYNC_URL}\n  tokenUrl: ${SYNC_TOKEN_URL}\n`);
// Its 1,145 pages index 386: with at most 100 fragment files, the browser tests search an index
// whose fragments are bundled, as a site past 1,000 indexed pages has them (build/search-after.ts).
const built = run('the build', ['scripts/build.ts'], {
	RUNSHEET_CONTENT: content,
	RUNSHEET_OUT: dist,
	RUNSHEET_CONFIG: config,
	[SEARCH_FRAGMENT_FILES_ENV]: '100',
});
const pages = /(\d+) page\(s\) built/.exec(built.stdout)?.[1];
const links = run('the link check', ['scripts/check-links.ts', dist]);
console.log(links.stdout.trim());
console.log(
	`imported site: import ${importSeconds.toFixed(1)} s (${imports.length} folders), build ${built.seconds.toFixed(1)} s (${pages} pages) -> ${dist}`,
);
