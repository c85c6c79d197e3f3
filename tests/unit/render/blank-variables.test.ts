import { describe, expect, it } from 'vitest';
import { blankVariables } from '../../../src/render/blank-variables.ts';
import { renderInline } from '../../../src/render/markdown.ts';

describe('values not given, on paper', () => {
	it('are lines with their label, not {{NAME}}; shell variables stay as the shell reads them', () => {
		const html = blankVariables(renderInline('Visit `https://{{DOMAIN}}/api` then `kubectl logs {{$POD}}`'), { DOMAIN: 'Domain "prod"' });
		expect(html).not.toContain('{{');
		expect(html).toContain(
			'<span class="rs-var sheet-blank" data-var="DOMAIN" data-state="unset" data-unset="" data-label="Domain &quot;prod&quot;"></span>',
		);
		expect(html).toContain('$POD');
		expect(blankVariables('plain text', {})).toBe('plain text');
	});
});
