import { describe, expect, it } from 'vitest';
import { searchIndexGlob } from '../../../scripts/lib/index-glob.ts';

const dir = (name: string) => ({ name, directory: true });
const file = (name: string) => ({ name, directory: false });

describe('searchIndexGlob', () => {
	it('reads every folder and page but the skipped ones, new folders included', () => {
		const glob = searchIndexGlob([file('index.html'), file('404.html'), file('runbooks.json'), dir('runbooks'), dir('signoff'), dir('handbook')], ['signoff']);
		expect(glob).toBe('{index.html,404.html,runbooks/**/*.html,handbook/**/*.html}');
	});
	it('is a plain pattern when one remains', () => {
		expect(searchIndexGlob([dir('runbooks'), dir('signoff')], ['signoff'])).toBe('runbooks/**/*.html');
	});
	it('falls back to every file when a name looks like glob syntax', () => {
		expect(searchIndexGlob([dir('a,b'), dir('signoff')], ['signoff'])).toBe('**/*.html');
		expect(searchIndexGlob([file('{x}.html')], [])).toBe('**/*.html');
	});
});
