import { encode } from 'uqr';
import { encodeShare, type Maker } from '../model/progress/share.ts';
import type { Run } from '../model/progress/run.ts';
import { fitsQr, qrPath, runPageLink, shareLink } from '../model/sheet-links.ts';

/**
 * The links back to a run on a filled sign-off sheet, each with its QR code where it fits. Loaded
 * by the sheet page only, and only once a run is chosen (the QR encoder and the share link's
 * packing are not needed for a blank sheet).
 */

const SVG = 'http://www.w3.org/2000/svg';

/** A QR code of `text` as an SVG of dark modules (a quiet zone of 2 around them). */
function qrSvg(text: string): SVGSVGElement {
	const { data, size } = encode(text, { ecc: 'M', border: 2 });
	const svg = document.createElementNS(SVG, 'svg');
	svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
	svg.setAttribute('shape-rendering', 'crispEdges');
	svg.setAttribute('aria-hidden', 'true');
	svg.style.setProperty('--modules', String(size));
	const path = document.createElementNS(SVG, 'path');
	path.setAttribute('d', qrPath(data));
	svg.append(path);
	return svg;
}

/** Writes one link and its code into a `[data-link]` figure; a link too long for a code prints as text alone. */
function drawLink(figure: HTMLElement, link: string): void {
	const anchor = figure.querySelector<HTMLAnchorElement>('[data-url]')!;
	anchor.href = link;
	anchor.textContent = link;
	const qr = figure.querySelector<HTMLElement>('[data-qr]')!;
	const fits = fitsQr(link);
	qr.replaceChildren(...(fits ? [qrSvg(link)] : []));
	qr.hidden = !fits;
	figure.dataset.qrFor = fits ? link : '';
}

export interface RunLinks {
	run: string;
	share: string;
}

/** The run's links: its page (`?run=`) and its share link (`#share=`), as of now. */
export async function runLinks(runbookUrl: string, run: Run, stepIds: readonly string[], maker: Maker): Promise<RunLinks> {
	return { run: runPageLink(runbookUrl, run.id), share: shareLink(runbookUrl, await encodeShare(run, stepIds, maker)) };
}

export function drawRunLinks(block: HTMLElement, links: RunLinks): void {
	drawLink(block.querySelector('[data-link="run"]')!, links.run);
	drawLink(block.querySelector('[data-link="share"]')!, links.share);
}
