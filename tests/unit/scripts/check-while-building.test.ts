import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkWhileBuilding } from '../../../scripts/lib/check-while-building.ts';

// Real child processes (node -e), standing in for the content check and astro build.
const node = (script: string) => ({ command: process.execPath, args: ['-e', script] });

function capture() {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	let text = '';
	stdout.on('data', (d) => (text += `out:${d}`));
	stderr.on('data', (d) => (text += `err:${d}`));
	return { streams: { stdout, stderr }, text: () => text };
}

describe('checkWhileBuilding', () => {
	it('shows the build’s output, in order, once the check has passed', async () => {
		const { streams, text } = capture();
		const result = await checkWhileBuilding(
			node('setTimeout(() => process.exit(0), 300)'),
			node('console.log("syncing"); console.error("warn"); setTimeout(() => console.log("built"), 600)'),
			streams,
		);
		expect(result).toEqual({ code: 0 });
		expect(text()).toMatch(/out:syncing\n[\s\S]*err:warn\n[\s\S]*out:built\n/);
	});

	it('stops the build and hides its output when the check fails', async () => {
		const { streams, text } = capture();
		const started = Date.now();
		const result = await checkWhileBuilding(
			node('setTimeout(() => process.exit(3), 200)'),
			node('console.error("Astro schema error"); setTimeout(() => console.log("built"), 20000)'),
			streams,
		);
		expect(result).toEqual({ code: 3, failed: 'check' });
		expect(text()).toBe('');
		expect(Date.now() - started).toBeLessThan(10000);
	});

	it('reports a failed build once the check has passed', async () => {
		const { streams, text } = capture();
		const result = await checkWhileBuilding(node('setTimeout(() => process.exit(0), 300)'), node('console.error("boom"); process.exit(2)'), streams);
		expect(result).toEqual({ code: 2, failed: 'build' });
		expect(text()).toBe('err:boom\n');
	});
});
