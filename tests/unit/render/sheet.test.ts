import { describe, expect, it } from 'vitest';
import { sheetDueHtml, sheetRowHtml, sheetSectionHtml, templateHtml } from '../../../src/render/sheet.ts';

describe('text with {{NAME}} references', () => {
	it('is escaped text with an element the page fills in for each reference', () => {
		expect(templateHtml('curl "https://<host>/{{DOMAIN}}" & echo')).toBe(
			'curl &quot;https://&lt;host&gt;/<span class="rs-var" data-var="DOMAIN" data-state="unset">{{DOMAIN}}</span>&quot; &amp; echo',
		);
	});
	it('on paper is a blank line labelled with the variable, never {{NAME}}', () => {
		const html = templateHtml('deploy {{VERSION}}', { blank: true, labels: { VERSION: 'Release "version"' } });
		expect(html).toBe(
			'deploy <span class="rs-var sheet-blank" data-var="VERSION" data-state="unset" data-unset="" data-label="Release &quot;version&quot;"></span>',
		);
		expect(html).not.toContain('{{');
	});
});

describe('a sign-off sheet row', () => {
	const row = sheetRowHtml(
		{
			id: 'restore',
			text: 'Restore <b>now</b>',
			condition: 'if <schema> changed',
			expect: 'HTTP 200',
			commands: [{ lang: 'bash', code: 'psql {{DB}} < backup.sql' }],
			alternatives: [{ id: 'alt', title: 'A & B', commands: [{ lang: 'bash', code: 'make restore' }] }],
		},
		2,
		{ DB: 'Database' },
	);
	it('carries the step id and its depth, and boxes to write in', () => {
		expect(row).toMatch(/^<div class="sheet-step" data-sheet-step="restore" style="--depth:2"><span data-box aria-hidden="true"><\/span>/);
		expect(row).toContain('<span data-initials></span><span data-time></span></div>');
	});
	it('says each thing once: a top-level row has no depth, a cell no class beside its data attribute', () => {
		// A row is written for every step of every sheet (10,000 runbooks: millions of rows).
		const top = sheetRowHtml({ id: 'go', text: 'Go' }, 0, {});
		expect(top).toBe(
			'<div class="sheet-step" data-sheet-step="go"><span data-box aria-hidden="true"></span><div class="sheet-text">Go<span data-reason></span></div><span data-initials></span><span data-time></span></div>',
		);
	});
	it('shows markup in the data as text', () => {
		expect(row).toContain('(optional: if &lt;schema&gt; changed)');
		expect(row).toContain('Option A: A &amp; B');
		expect(row).not.toContain('<b>');
	});
	it('prints commands with their values as lines to write on', () => {
		expect(row).toContain(
			'<pre class="sheet-cmd">psql <span class="rs-var sheet-blank" data-var="DB" data-state="unset" data-unset="" data-label="Database"></span> &lt; backup.sql</pre>',
		);
		expect(row).toContain('<em>Expected:</em> <span>HTTP 200</span>');
	});
	it('says when a check is due, and nothing for a step without a time', () => {
		expect(sheetDueHtml({ every: '1h for 4h' })).toMatch(
			/^<span class="sheet-due" data-sheet-due data-every="1h for 4h" data-text="[^"]+">\(.+\)<\/span>$/,
		);
		expect(sheetDueHtml({})).toBe('');
	});
});

describe('a sign-off sheet section', () => {
	it('marks the steps a run counts, and each group with the counted steps it prints as', () => {
		const html = sheetSectionHtml(
			{
				id: 'deploy',
				title: 'Deploy',
				steps: [
					{ id: 'backup', text: 'Back up' },
					{
						id: 'services',
						text: 'Deploy the services',
						steps: [
							{ id: 'api', text: 'API' },
							{ id: 'web', text: 'Web', steps: [{ id: 'cdn', text: 'CDN' }] },
						],
					},
					{ id: 'pick', text: 'Restart', alternatives: [{ id: 'k8s', title: 'Kubernetes', steps: [{ id: 'rollout', text: 'Roll out' }] }] },
				],
			} as never,
			2,
			'deploy',
			{},
		);
		const rows = [
			...html.matchAll(/<div class="sheet-step" data-sheet-step="([^"]+)"[^>]*?( data-counted)?( data-leaves="([^"]*)")?>/g),
		].map(([, id, counted, , leaves]) => [id, Boolean(counted), leaves]);
		expect(rows).toEqual([
			['backup', true, undefined],
			['services', false, 'api cdn'],
			['api', true, undefined],
			['web', false, 'cdn'],
			['cdn', true, undefined],
			['pick', true, undefined],
			['rollout', false, undefined],
		]);
	});
});
