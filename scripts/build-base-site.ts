/**
 * npm run test:base-site: builds the bundled runbooks as a site below a path, the way GitHub or
 * GitLab Pages serve a project (`RUNSHEET_BASE=/ops-runbooks`, Astro's `base`), into
 * .test-sites/base/dist, and checks every link as that host serves it. The browser tests of
 * tests/e2e/base.spec.ts run against it. It also publishes each runbook's JSON (`runbookJson: true`)
 * and lists systems, each on a page of its own, as a site of a thousand runbooks does
 * (`systemPagesFrom: 2`), a system's runbooks one to a page (`runbooksPerSystemPage: 1`), as a
 * system of thousands has them: those pages and the finder's search without procedure rows are
 * tested there, with one alert runbook added to the bundled ones (tests/fixtures/base-site/).
 */
import { runStep } from './lib/run-step.ts';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export const BASE_SITE = '.test-sites/base';
export const BASE_PATH = '/ops-runbooks';
const dist = `${BASE_SITE}/dist`;

const run = (what: string, args: string[], env: Record<string, string> = {}) => runStep('base site', what, args, env);

rmSync(BASE_SITE, { recursive: true, force: true });
// The repository's config, publishing /runbooks/<id>.json too (off by default), so the tests see
// the data URLs below the base, and with the system pages of a large site.
const config = `${BASE_SITE}/runsheet.config.yaml`;
mkdirSync(BASE_SITE, { recursive: true });
writeFileSync(
	config,
	readFileSync('runsheet.config.yaml', 'utf8')
		.replace(/^runbookJson: false$/m, 'runbookJson: true')
		.replace(/^systemPagesFrom: \d+$/m, 'systemPagesFrom: 2')
		.replace(/^runbooksPerSystemPage: \d+$/m, 'runbooksPerSystemPage: 1'),
);
// The bundled runbooks and one alert runbook more, whose alert the system's page lists.
const content = `${BASE_SITE}/runbooks`;
cpSync('content/runbooks', content, { recursive: true });
cpSync('tests/fixtures/base-site', content, { recursive: true });
const built = run('the build', ['scripts/build.ts'], {
	RUNSHEET_CONFIG: config,
	RUNSHEET_CONTENT: content,
	RUNSHEET_BASE: BASE_PATH,
	RUNSHEET_OUT: dist,
	RUNSHEET_SITE: 'https://acme.github.io',
});
console.log(run('the link check', ['scripts/check-links.ts', dist, '--base', BASE_PATH]).stdout.trim());
console.log(`base site: build ${built.seconds.toFixed(1)} s -> ${dist}, served below ${BASE_PATH}/`);
