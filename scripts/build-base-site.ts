/**
 * npm run test:base-site: builds the bundled runbooks as a site below a path, the way GitHub or
 * GitLab Pages serve a project (`RUNSHEET_BASE=/ops-runbooks`, Astro's `base`), into
 * .test-sites/base/dist, and checks every link as that host serves it. The browser tests of
 * tests/e2e/base.spec.ts run against it.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

export const BASE_SITE = '.test-sites/base';
export const BASE_PATH = '/ops-runbooks';
const dist = `${BASE_SITE}/dist`;

const run = (what: string, args: string[], env: Record<string, string> = {}) => {
	const started = performance.now();
	const result = spawnSync(process.execPath, args, {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
		env: { ...process.env, ...env },
	});
	if (result.status !== 0) {
		console.error(result.stdout);
		console.error(`base site: ${what} failed (exit code ${result.status})`);
		process.exit(1);
	}
	return { seconds: (performance.now() - started) / 1000, stdout: result.stdout };
};

rmSync(BASE_SITE, { recursive: true, force: true });
const built = run('the build', ['scripts/build.ts'], {
	RUNSHEET_BASE: BASE_PATH,
	RUNSHEET_OUT: dist,
	RUNSHEET_SITE: 'https://acme.github.io',
});
console.log(run('the link check', ['scripts/check-links.ts', dist, '--base', BASE_PATH]).stdout.trim());
console.log(`base site: build ${built.seconds.toFixed(1)} s -> ${dist}, served below ${BASE_PATH}/`);
