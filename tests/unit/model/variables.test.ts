import { describe, expect, it } from 'vitest';
import { fillTemplate, findReferences, splitTemplate } from '../../../src/schema/template.ts';
import { checkValue, cleanValue, variablesUsedIn } from '../../../src/model/variables.ts';
import { decodeRun, encodeRun } from '../../../src/model/progress/codec.ts';
import { exportJson, exportMarkdown, importJson } from '../../../src/model/progress/export.ts';
import { newRun } from '../../../src/model/progress/run.ts';

describe('templates', () => {
	it('split text into literal parts and references, spaces inside the braces allowed', () => {
		expect(splitTemplate('curl https://api.{{DOMAIN}}/health?v={{ VERSION }}')).toEqual([
			'curl https://api.',
			{ name: 'DOMAIN', shell: false, unset: '{{DOMAIN}}', start: 17, end: 27 },
			'/health?v=',
			{ name: 'VERSION', shell: false, unset: '{{VERSION}}', start: 37, end: 50 },
		]);
	});
	it('read {{$NAME}} as a shell variable: without a value it is $NAME, or ${NAME} before a letter', () => {
		expect(splitTemplate('kubectl -n {{$NAMESPACE}} logs {{$POD}}_x')).toEqual([
			'kubectl -n ',
			{ name: 'NAMESPACE', shell: true, unset: '$NAMESPACE', start: 11, end: 25 },
			' logs ',
			{ name: 'POD', shell: true, unset: '${POD}', start: 31, end: 39 },
			'_x',
		]);
		expect(fillTemplate('kubectl -n {{$NAMESPACE}} get pod {{$POD}}', (n) => (n === 'POD' ? 'web-1' : undefined))).toBe(
			'kubectl -n $NAMESPACE get pod web-1',
		);
		// A Go template's own variable stays a template: `{{ $x }}`, `{{$labels.pod}}`.
		expect(splitTemplate('{{ $NAME }} {{$labels.pod}} {{ $value }}')).toEqual(['{{ $NAME }} {{$labels.pod}} {{ $value }}']);
	});
	it('leave Helm, Go and GitHub Actions templates as text', () => {
		expect(splitTemplate('{{ .Values.tag }} ${{ secrets.TOKEN }} {{lower}} {{_X}}')).toEqual([
			'{{ .Values.tag }} ${{ secrets.TOKEN }} {{lower}} {{_X}}',
		]);
	});
	it('fill known values and keep the placeholder for the rest', () => {
		const values: Record<string, string> = { DOMAIN: 'example.org' };
		expect(fillTemplate('https://{{DOMAIN}}/{{PATH}}', (n) => values[n])).toBe('https://example.org/{{PATH}}');
	});
	it('insert a value as it is: no second substitution, no $-patterns', () => {
		const values: Record<string, string> = { A: '{{B}} $& $1', B: 'b' };
		expect(fillTemplate('x {{A}} y', (n) => values[n])).toBe('x {{B}} $& $1 y');
	});
});

describe('values', () => {
	it('are checked against the whole pattern', () => {
		const rule = { name: 'VERSION', pattern: '\\d+\\.\\d+\\.\\d+' };
		expect(checkValue(rule, undefined)).toBe('unset');
		expect(checkValue(rule, '')).toBe('unset');
		expect(checkValue(rule, '1.2.3')).toBe('ok');
		expect(checkValue(rule, 'v1.2.3')).toBe('invalid');
		expect(checkValue(rule, '1.2.3; rm -rf /')).toBe('invalid');
		expect(checkValue({ name: 'X' }, 'anything')).toBe('ok');
	});
	it('stay on one line: a pasted newline cannot add a command line', () => {
		expect(cleanValue('  example.org\nrm -rf /\r\n')).toBe('example.org rm -rf /');
		expect(cleanValue('a\u0000b\tc')).toBe('a b c');
	});
});

describe('references in runbook data', () => {
	const data = {
		title: 'T',
		variables: [
			{ name: 'DOMAIN', label: 'd {{NOT_A_REFERENCE}}' },
			{ name: 'UNUSED', label: 'u' },
		],
		sections: [{ id: 's', title: 'S', steps: [{ id: 'a', text: 'Open {{DOMAIN}}', commands: [{ code: 'curl {{DOMAIN}} {{OTHER}}' }] }] }],
	};
	it('are found with their path, the declarations themselves excepted', () => {
		expect(findReferences(data).map(({ name, path }) => ({ name, path }))).toEqual([
			{ name: 'DOMAIN', path: ['sections', 0, 'steps', 0, 'text'] },
			{ name: 'DOMAIN', path: ['sections', 0, 'steps', 0, 'commands', 0, 'code'] },
			{ name: 'OTHER', path: ['sections', 0, 'steps', 0, 'commands', 0, 'code'] },
		]);
	});
	it('decide which variables a page needs', () => {
		expect(variablesUsedIn(data.variables, data.sections).map((v) => v.name)).toEqual(['DOMAIN']);
		expect(variablesUsedIn(undefined, data.sections)).toEqual([]);
	});
});

describe('a run’s values in storage and exports', () => {
	const run = { ...newRun('inc-1', 'INC-1', 1000), values: { DOMAIN: 'example.org' } };
	it('are stored with the run and read back; junk in storage is dropped', () => {
		const decoded = decodeRun('inc-1', encodeRun(run));
		expect(decoded.ok && decoded.run.values).toEqual({ DOMAIN: 'example.org' });
		const tampered = JSON.stringify({ ...JSON.parse(encodeRun(run)), values: { DOMAIN: 'ok', __proto__x: 'no', lower: 'no', N: 5 } });
		const read = decodeRun('inc-1', tampered);
		expect(read.ok && read.run.values).toEqual({ DOMAIN: 'ok' });
	});
	it('are left out of storage when there are none', () => {
		expect(JSON.parse(encodeRun(newRun('a', 'A', 1))).values).toBeUndefined();
	});
	it('travel in the JSON export and its import, and are listed in the Markdown export', () => {
		const imported = importJson(exportJson(run, { id: 'rb', version: '1' }, 2000), 'new');
		expect(imported.ok && imported.run.values).toEqual({ DOMAIN: 'example.org' });
		const md = exportMarkdown(run, { title: 'RB', url: 'https://x/' }, (id) => id, { done: 0, na: 0, total: 1 });
		expect(md).toContain('- Value DOMAIN: example.org');
	});
});

describe('the value in force', () => {
	it('is the run’s own, else the default, else none; a run’s value is checked, a default is trusted', async () => {
		const { resolve } = await import('../../../src/client/variables/fill.ts');
		const rule = { name: 'BRANCH', pattern: '[a-z]+', fallback: 'main', secret: false };
		expect(resolve(rule, undefined)).toEqual({ value: 'main', state: 'default' });
		expect(resolve(rule, '')).toEqual({ value: 'main', state: 'default' });
		expect(resolve(rule, 'release')).toEqual({ value: 'release', state: 'ok' });
		expect(resolve(rule, 'Release-1')).toEqual({ value: 'Release-1', state: 'invalid' });
		expect(resolve({ name: 'X', secret: false }, undefined)).toEqual({ state: 'unset' });
	});
});
