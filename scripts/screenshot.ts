/**
 * npm run screenshot -- <url> <out.png> [--width 1280] [--height 860] [--dark] [--full]
 * Takes a screenshot of a page of the running site (npm start) in Chromium, to look at what
 * was built and to refresh the README's picture.
 */
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from '../tests/support/browser.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		width: { type: 'string', default: '1280' },
		height: { type: 'string', default: '860' },
		dark: { type: 'boolean', default: false },
		full: { type: 'boolean', default: false },
	},
});
const [url, out] = positionals;
if (!url || !out) {
	console.error('usage: npm run screenshot -- <url> <out.png> [--width 1280] [--height 860] [--dark] [--full]');
	process.exit(2);
}
const executablePath = findChromium();
if (!executablePath) {
	console.error(NO_BROWSER_MESSAGE);
	process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const page = await browser.newPage({
	viewport: { width: Number(values.width), height: Number(values.height) },
	colorScheme: values.dark ? 'dark' : 'light',
});
const problems: string[] = [];
page.on('pageerror', (error) => problems.push(error.message));
page.on('response', (response) => {
	if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
});
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: values.full });
await browser.close();
console.log(`screenshot: ${out}${problems.length ? `\n  problems: ${problems.join('; ')}` : ''}`);
