import type { Locator, Page } from '@playwright/test';

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 800 };

/**
 * Where the bars that stay at the top of the screen end: every fixed or stuck element that is
 * drawn (not clipped away like a skip link), at least 40 % of the screen wide and less than half
 * its height (a bar, not a sidebar), chained from the top edge down.
 * Measured from the page as it is, without knowing which elements Runsheet or Starlight make.
 */
export function chromeBottom(page: Page): Promise<number> {
	return page.evaluate(() => {
		const bars: DOMRect[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('body *')) {
			const style = getComputedStyle(el);
			if (style.position !== 'fixed' && style.position !== 'sticky') continue;
			if (
				style.display === 'none' ||
				style.visibility === 'hidden' ||
				style.clipPath !== 'none' ||
				style.getPropertyValue('clip') !== 'auto'
			)
				continue;
			const rect = el.getBoundingClientRect();
			// Bars, not the sidebars beside the page: wide, and not most of the screen's height.
			if (rect.width < innerWidth * 0.4 || rect.height > innerHeight / 2 || rect.bottom <= 0) continue;
			bars.push(rect);
		}
		bars.sort((a, b) => a.top - b.top);
		let bottom = 0;
		for (const rect of bars) if (rect.top <= bottom + 2 && rect.bottom > bottom) bottom = rect.bottom;
		return bottom;
	});
}

/** Scrolls down as a reader does, with the wheel, and waits for the bars to settle. */
export async function readDown(page: Page, pixels: number): Promise<void> {
	await page.mouse.move(200, 400);
	for (let done = 0; done < pixels; done += 300) {
		await page.mouse.wheel(0, 300);
		await page.waitForTimeout(60);
	}
	await page.waitForTimeout(400);
}

/**
 * The mean luminance (0 black, 1 white) of what an element looks like on screen: a screenshot of
 * it, decoded by the browser itself.
 */
export async function luminance(page: Page, target: Locator): Promise<number> {
	const png = (await target.screenshot()).toString('base64');
	return page.evaluate(async (data) => {
		const image = new Image();
		image.src = `data:image/png;base64,${data}`;
		await image.decode();
		const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
		const context = canvas.getContext('2d')!;
		context.drawImage(image, 0, 0);
		const { data: pixels } = context.getImageData(0, 0, image.width, image.height);
		let sum = 0;
		for (let i = 0; i < pixels.length; i += 4) sum += (0.2126 * pixels[i]! + 0.7152 * pixels[i + 1]! + 0.0722 * pixels[i + 2]!) / 255;
		return sum / (pixels.length / 4);
	}, png);
}
