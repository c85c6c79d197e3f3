import { describe, expect, it } from 'vitest';
import { normalOrigin, originAllowed } from '../../../src/sync/origins.ts';

describe('sync server origins', () => {
	it('by default, lets in pages on the host name the request was sent to, whatever the port', () => {
		expect(originAllowed('https://runbooks.example.com', 'runbooks.example.com')).toBe(true);
		expect(originAllowed('http://localhost:4321', 'localhost:1234')).toBe(true);
		expect(originAllowed('http://127.0.0.1:4330', '127.0.0.1:4333')).toBe(true);
		expect(originAllowed('http://[::1]:4321', '[::1]:1234')).toBe(true);
		expect(originAllowed('https://RUNBOOKS.example.com', 'runbooks.example.com:443')).toBe(true);
	});
	it('by default, refuses pages of other sites, and pages with no origin to tell', () => {
		expect(originAllowed('https://evil.example', 'runbooks.example.com')).toBe(false);
		expect(originAllowed('https://runbooks.example.com.evil.example', 'runbooks.example.com')).toBe(false);
		expect(originAllowed('http://localhost:4321', '127.0.0.1:1234')).toBe(false);
		expect(originAllowed('null', 'runbooks.example.com')).toBe(false);
		expect(originAllowed('file://', 'runbooks.example.com')).toBe(false);
		expect(originAllowed('https://runbooks.example.com', undefined)).toBe(false);
	});
	it('with a list, lets in the origins listed only', () => {
		const list = ['https://runbooks.example.com'];
		expect(originAllowed('https://runbooks.example.com', 'sync.example.com', list)).toBe(true);
		expect(originAllowed('https://sync.example.com', 'sync.example.com', list)).toBe(false);
		expect(originAllowed('http://runbooks.example.com', 'sync.example.com', list)).toBe(false);
	});
	it('leaves a request without an Origin to the token: it is no browser page', () => {
		expect(originAllowed(undefined, 'runbooks.example.com')).toBe(true);
	});
	it('reads origins as browsers write them', () => {
		expect(normalOrigin('https://Runbooks.Example.com/')).toBe('https://runbooks.example.com');
		expect(normalOrigin('https://runbooks.example.com:443')).toBe('https://runbooks.example.com');
		expect(normalOrigin('runbooks.example.com')).toBeUndefined();
		expect(normalOrigin('ftp://runbooks.example.com')).toBeUndefined();
	});
});
