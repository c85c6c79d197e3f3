/**
 * The folder of runbooks the site is built from, and the one the commands read when they are
 * named none: RUNSHEET_CONTENT (the test sites build other folders), else content/runbooks.
 * Asked only where a build or a command starts (content.config.ts, the pages that publish the
 * folder's other files, the commands' defaults): every reader takes its folder as a parameter.
 */
export function contentFolder(): string {
	return process.env.RUNSHEET_CONTENT ?? 'content/runbooks';
}
