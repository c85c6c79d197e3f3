import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../../src/build/content/walk.ts';
import { alertHeadingLines, playbookOf, readPlaybook } from '../../../src/import/playbook.ts';

/**
 * readPlaybook counts the lines that could name an alert before it parses a file: a file with
 * fewer than two is no playbook. The count must never be lower than the headings a parse finds.
 */
describe('the lines that could name an alert, counted before a file is parsed', () => {
	it('count headings of one camel-case word or that say "alert", whatever their markup, ATX or setext', () => {
		expect(alertHeadingLines('# KubeAPIDown\n\n## Meaning\n\n## Mitigation\n')).toBe(1);
		expect(alertHeadingLines('## **KubeAPIDown**\n## `etcdNoLeader` {#no-leader}\n### Alert: disk full\n')).toBe(3);
		expect(alertHeadingLines('KubeAPIDown\r\n===========\r\n\r\netcdNoLeader\r\n---\r\n')).toBe(2);
		expect(alertHeadingLines('## [KubeAPIDown](https://example.com/a b)\n## Kube*API*Down ##\n')).toBe(2);
		expect(alertHeadingLines('## Check the API server\n## PostgreSQL\n#NotAHeading\n')).toBe(1);
	});

	it('say a file with fewer is no playbook, as the parse does', () => {
		const one = '# Runbooks\n\n## KubeAPIDown\n\nThe API is down.\n\n## Restart the pod\n\nDo it.\n';
		expect(alertHeadingLines(one)).toBe(1);
		expect(readPlaybook(one)).toBeUndefined();
		expect(playbookOf(one)).toBeUndefined();
		const two = '# Runbooks\n\n## KubeAPIDown\n\n### Impact\n\nDown.\n\n## **KubeletNotReady**\n\n### Impact\n\nNot ready.\n';
		expect(readPlaybook(two)?.alerts.map((a) => a.alerts)).toEqual([['KubeAPIDown'], ['KubeletNotReady']]);
	});

	// Every file the importer is tested on with the shapes of playbooks and of a page per alert.
	const files = [
		'tests/fixtures/playbooks',
		'tests/fixtures/corpora/prometheus-operator-runbooks',
		'tests/fixtures/corpora/gitlab-com__runbooks__ci-runners',
		'tests/fixtures/corpora/rhobs__configuration__observatorium-sop',
	].flatMap((dir) => filesUnder(dir).flatMap((file) => (file.endsWith('.md') ? [`${dir}/${file}`] : [])));
	it.each(files)('read %s the same as a parse of the whole file does', (file) => {
		const markdown = readFileSync(file, 'utf8');
		expect(readPlaybook(markdown)).toEqual(playbookOf(markdown));
	});
});
