import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Runsheet's sidebar (src/components/Sidebar.astro) is Starlight's without the state persister.
 * Should the installed Starlight draw its sidebar otherwise, this fails: compare the two and bring
 * the copy up to date.
 */
const read = (path: string) => readFileSync(path, 'utf8');

/** The template, its layout set aside (white space: each project's Prettier lays it out). */
const template = (source: string) => source.replace(/^---[\s\S]*?\n---/, '').replace(/\s/g, '');

describe('the sidebar, copied from Starlight', () => {
	it("draws what the installed Starlight's Sidebar.astro draws, but for the persister around the list", () => {
		const theirs = template(read('node_modules/@astrojs/starlight/dist/components/Sidebar.astro'));
		expect(theirs).toContain('<SidebarPersister><SidebarSublistsublist={sidebar}/></SidebarPersister>');
		const withoutPersister = theirs.replace('<SidebarPersister>', '').replace('</SidebarPersister>', '');
		expect(template(read('src/components/Sidebar.astro'))).toBe(withoutPersister);
	});

	it('imports what Starlight imports: the list, and the mobile footer a site may override', () => {
		const imports = (source: string) => [...source.matchAll(/^import (\w+) from '([^']+)';$/gm)].map(([, name]) => name).sort();
		const theirs = imports(read('node_modules/@astrojs/starlight/dist/components/Sidebar.astro')).filter((n) => n !== 'SidebarPersister');
		expect(imports(read('src/components/Sidebar.astro'))).toEqual(theirs);
		expect(read('src/components/Sidebar.astro')).toContain("from 'virtual:starlight/components/MobileMenuFooter'");
	});
});
