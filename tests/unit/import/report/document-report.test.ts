import { describe, expect, it } from 'vitest';
import { documentReport } from '../../../../src/import/report/document-report.ts';
import { sourceFigures } from '../../../../src/import/report/source-figures.ts';
import { words } from '../../../../src/import/report/words.ts';
import { NO_VERSION } from '../../../../src/import/routine-warnings.ts';

const fence = (code: string, lang = 'shell') => `\`\`\`${lang}\n${code}\n\`\`\``;

describe('what a source holds', () => {
	it('reads prose and inline code, never front matter, raw HTML or code blocks, as words', () => {
		const figures = sourceFigures(
			`---\ntitle: Hidden\n---\n\n# Disk full\n\nRun \`df -h\` <br> now.\n\n${fence('du -sh /var')}\n\n| a | b |\n|---|---|\n| cell | two |\n`,
		);
		expect(words(figures.prose.join(' '))).toEqual(words('Disk full Run df -h now. a b cell two'));
		expect(figures.codeBlocks).toEqual([{ line: 9, lang: 'shell', value: 'du -sh /var' }]);
		expect(figures.procedure).toBeUndefined();
	});

	it.each([
		['## 1. Stop the workers', 'numbered heading'],
		['### Step 2: Drain', 'numbered heading'],
		['**Step 3** Restart', 'bold step label'],
		['- [ ] Tell the team', 'task list'],
		['1. Stop\n2. Start', 'ordered list'],
		[`Restart it:\n\n${fence('systemctl restart api')}`, 'followed by a code block'],
	])('finds a procedure in %j', (markdown, sign) => {
		expect(sourceFigures(`# Title\n\n${markdown}\n`).procedure).toContain(sign);
	});

	it.each(['The message gains a suffix, for example:', 'The output looks like this:', 'You should see:', 'The following will be logged:'])(
		'finds none in %j over a code block: it shows output or an example',
		(sentence) => {
			expect(sourceFigures(`# Title\n\n${sentence}\n\n${fence('Updated health status: Healthy', '')}\n`).procedure).toBeUndefined();
		},
	);

	it('finds none in reference prose', () => {
		expect(sourceFigures('# Architecture\n\nThe API talks to the queue.\n\n- one\n- two\n').procedure).toBeUndefined();
	});
});

describe('a document’s report', () => {
	const markdown = [
		'# Disk full',
		'Restart the api:',
		fence('$ systemctl restart api\nok'),
		fence('kubectl get pods -n payments'),
		fence('INFO started'),
		fence('echo nested'),
		fence('cat /etc/hosts\nrm -rf /tmp/cache'),
		fence('cat notes.txt'),
		fence('reboot'),
		'The old host name was kept.',
	].join('\n\n');
	const runbook = {
		title: 'Disk full',
		alerts: ['DiskFull'],
		variables: [{ name: 'NAMESPACE', label: 'Namespace' }],
		sections: [
			{
				id: 'mitigation',
				title: 'Mitigation',
				notes: ['- a list\n\n  ```\n  echo nested\n  ```', 'The host name was kept. cat notes.txt'],
				steps: [
					{ id: 'restart', text: 'Restart the api', commands: [{ code: 'systemctl restart api', output: 'ok' }] },
					{ id: 'pods', text: 'Look', commands: [{ code: 'kubectl get pods -n {{NAMESPACE}}' }, { code: 'cat /etc/hosts\nrm -rf /' }] },
					{ id: 'log', text: 'Read the log', commands: [{ code: 'journalctl', output: 'INFO started' }] },
				],
			},
		],
	};
	const report = documentReport({
		path: 'disk.md',
		id: 'disk',
		markdown,
		runbook,
		warnings: ['link "x.md": not in the folder', NO_VERSION],
	});

	it('sorts each code block by what a responder can do with it on the page', () => {
		// 1: a command with its output; 2: a command with a value to fill; 3: only an output;
		// 4: in a note's list (no copy button); 5: "cat /etc/hosts" is a command's line but
		// "rm -rf /tmp/cache" is not; 6: "cat notes.txt" is only in prose; 7: on no page.
		const line = (text: string) => markdown.split('\n').indexOf(text);
		expect(report.codeBlocks).toEqual({
			source: 7,
			command: 2,
			withValues: 1,
			output: 1,
			altered: 1,
			plain: 1,
			text: 1,
			lost: 1,
			lines: { altered: [line('cat /etc/hosts')], lost: [line('reboot')] },
		});
	});

	it('counts words, steps, alerts, values asked for, and sorts the warnings, leaving out the routine ones', () => {
		// "Disk full", "Restart the api", "The old host name was kept": the runbook's note lost "old".
		expect(report.words).toEqual({ source: 11, kept: 10, missing: ['old'] });
		expect(report).toMatchObject({
			steps: 3,
			alerts: ['DiskFull'],
			variables: ['NAMESPACE (Namespace)'],
			unresolvedLinks: ['link "x.md": not in the folder'],
			notRead: [],
			procedure: '"…:" followed by a code block',
		});
	});
});

describe('words a table keeps', () => {
	it('counts each cell’s words as the reader sees them, not run together with the next cell’s', () => {
		const table = '| Release | Champion |\n|---|---|\n| v3.4 | Codey Jenkins |\n';
		const runbook = { title: 'Schedule', sections: [{ id: 'dates', title: 'Dates', notes: [table] }] };
		const report = documentReport({
			path: 'schedule.md',
			id: 'schedule',
			markdown: `# Schedule\n\n${table}`,
			runbook,
			warnings: [],
		});
		const all = words(`Schedule ${table}`).length;
		expect(report.words).toEqual({ source: all, kept: all, missing: [] });
	});
});
