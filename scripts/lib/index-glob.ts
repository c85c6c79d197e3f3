/**
 * Which HTML files Pagefind reads, as the glob for its `addDirectory`. Pagefind parses every HTML
 * file it is given, indexed or not; sign-off sheets are never indexed (their layout has no
 * `data-pagefind-body`) yet at 1,000 runbooks they are a quarter of the site's HTML, and reading
 * them cost 3 s and 100 MB of the build. So their folder is left out by name, and everything else
 * is read as before: a folder added later is still searched.
 */
export function searchIndexGlob(entries: { name: string; directory: boolean }[], skipFolders: string[]): string {
	// A name a glob would read as syntax: fall back to every file rather than guess.
	if (entries.some(({ name }) => /[{}[\]*?!,\\]/.test(name))) return '**/*.html';
	const patterns = entries.flatMap(({ name, directory }) => {
		if (directory) return skipFolders.includes(name) ? [] : [`${name}/**/*.html`];
		return name.endsWith('.html') ? [name] : [];
	});
	if (!patterns.length) return '**/*.html';
	return patterns.length === 1 ? patterns[0]! : `{${patterns.join(',')}}`;
}
