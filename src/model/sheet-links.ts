/**
 * The links a filled sign-off sheet prints back to its run, and their QR codes' drawing. The
 * modules of a code come from the QR encoder (client/sheet-links.ts); this turns them into one
 * SVG path, and says which links are short enough to be read back from paper.
 */

/**
 * The longest link printed as a QR code: about a version 20 code (97 modules), which a phone
 * still reads at 35 mm (0.35 mm a module). Longer share links (up to 1,900 characters:
 * model/progress/share.ts) print as text only; the run's page link is always short.
 */
export const QR_MAX_LINK = 800;

export function fitsQr(link: string): boolean {
	return link.length <= QR_MAX_LINK;
}

/** The run's page: the runbook page with the run selected (client/run/run-actions.ts openWanted). */
export function runPageLink(runbookUrl: string, runId: string): string {
	const url = new URL(runbookUrl);
	url.hash = '';
	url.search = '';
	url.searchParams.set('run', runId);
	return url.href;
}

/** The run's share link: the runbook page with the run packed in the fragment (`share=…`). */
export function shareLink(runbookUrl: string, fragment: string): string {
	const url = new URL(runbookUrl);
	url.search = '';
	return `${url.href.split('#')[0]}#${fragment}`;
}

/**
 * An SVG path drawing the dark modules (`true`), one unit each, a row's neighbours merged into
 * one run: "M x y h w v 1 h -w z" per run of dark modules.
 */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
	let d = '';
	modules.forEach((row, y) => {
		for (let x = 0; x < row.length; x++) {
			if (!row[x]) continue;
			const start = x;
			while (row[x + 1]) x++;
			const w = x - start + 1;
			d += `M${start} ${y}h${w}v1h-${w}z`;
		}
	});
	return d;
}
