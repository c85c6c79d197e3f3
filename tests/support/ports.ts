/**
 * The ports the browser tests use, from RUNSHEET_TEST_PORT (4329 by default): the sites that
 * playwright.config.ts serves, and the sync server the live-run tests start themselves (the
 * imported site is built to reach it: scripts/build-imported-site.ts).
 */
const PORT = Number(process.env.RUNSHEET_TEST_PORT ?? 4329);

export const PORTS = {
	site: PORT,
	imported: PORT + 1,
	stock: PORT + 2,
	base: PORT + 3,
	sync: PORT + 4,
	/** The sites built from the packed package (tests/package): a team's folder, a team's Starlight site. */
	team: PORT + 5,
	host: PORT + 6,
	/** `runsheet dev` in tests/package. */
	dev: PORT + 7,
	/** `runsheet preview` in tests/package. */
	preview: PORT + 8,
};

export const SYNC_URL = `ws://127.0.0.1:${PORTS.sync}`;
/** Where the imported site's pages get their tokens: the test server's own `/token` route. */
export const SYNC_TOKEN_URL = `http://127.0.0.1:${PORTS.sync}/token`;
/** The test servers' RUNSHEET_SYNC_SECRET (a test value, nothing it protects outlives a test). */
export const SYNC_SECRET = 'runsheet-tests-only-secret-0123456789abcdef';
