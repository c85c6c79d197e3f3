import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importChecklist } from '../../../src/import/index.ts';
import { expectationIn, takeExpectations } from '../../../src/import/expectations.ts';
import { walkSections, walkSteps } from '../../../src/model/outline.ts';
import { SOURCE_CHECKLISTS } from '../../support/fixtures.ts';

const expectations = (file: string) => {
	const { runbook } = importChecklist(readFileSync(`${SOURCE_CHECKLISTS}/${file}`, 'utf8'), { id: 'x', variables: false });
	return Object.fromEntries(
		[...walkSections(runbook.sections)]
			.flatMap((s) => [...walkSteps(s.steps)])
			.flatMap((step) => (step.expect ? [[step.id, step.expect]] : [])),
	);
};

describe('expected results from the words sources already use', () => {
	it('reads the labelled and the "should" forms, and nothing else', () => {
		expect(expectationIn('Expected: 82+ tests passing')).toBe('82+ tests passing');
		expect(expectationIn('Target: 80%+ coverage')).toBe('80%+ coverage');
		expect(expectationIn('Should return: 200 OK')).toBe('200 OK');
		expect(expectationIn('Should return no results')).toBe('No results');
		expect(expectationIn('All services should show "Up"')).toBe('All services show "Up"');
		expect(expectationIn('The pod should be Running')).toBe('The pod is Running');
		expect(expectationIn('Expected: PONG')).toBe('`PONG`');
		expect(expectationIn('Expected: {"status":"healthy"}')).toBe('`{"status":"healthy"}`');
		expect(expectationIn('Backend health check')).toBeUndefined();
		expect(expectationIn('1. Pull latest code')).toBeUndefined();
	});

	it('takes the comment out of the command it was written in, keeping the rest as written', () => {
		expect(takeExpectations('cd backend\npython -m pytest -v\n# Expected: 82+ tests passing')).toEqual({
			code: 'cd backend\npython -m pytest -v',
			expected: ['82+ tests passing'],
		});
		expect(takeExpectations('# Backend health check\ncurl /health')).toEqual({
			code: '# Backend health check\ncurl /health',
			expected: [],
		});
	});

	// Read in the sources: every `# Expected:`, `# Target:` and "should" comment and phrase.
	it('twiga-scan: its Expected and Target comments, and two "should" comments', () => {
		expect(expectations('twiga-scan-deployment-checklist.md')).toEqual({
			'run-all-backend-tests': '82+ tests passing',
			'check-test-coverage': '80%+ coverage',
			'verify-no-hardcoded-secrets': 'No results',
			'verify-services-running': 'All services show "Up"',
			'check-health-endpoints': '`{"status":"healthy",...}`',
			'redis-connectivity': '`PONG`',
			'load-testing': '500+ req/s',
			'response-time-check': '<200ms',
		});
	});
	it('yogaflow: the two "Should return" comments of its health check; spatial-intel: a "(should be …)"', () => {
		expect(expectations('yogaflow-deployment-checklist.md')).toEqual({
			'health-checks': '`{"status":"healthy","service":"yogaflow-api","version":"1.0.0"}`; 200 OK',
		});
		expect(expectations('spatial-intel-deployment-checklist.md')).toEqual({ 'monitor-error-rates-should-be-0-1': '< 0.1%' });
		expect(expectations('productivity-platform-deployment-checklist.md')).toEqual({});
	});

	it('a bullet under the step that says what should be seen', () => {
		const { runbook } = importChecklist(
			'# R\n\n## Deploy\n\n- [ ] Open the login page\n  - Should see the new logo\n  - Use a private window\n',
		);
		const step = runbook.sections[0]!.steps![0]!;
		expect(step.expect).toBe('The new logo');
		expect(step.details).toEqual(['Use a private window']);
	});
});
