/** `<details><summary>More</summary>` … `</details>`: the disclosure's tags, read as its title in bold. */
export function withoutDisclosures(markdown: string): string {
	return markdown
		.replace(/<summary>\s*([\s\S]*?)\s*<\/summary>/gi, (_, title: string) => `**${title.trim()}**\n\n`)
		.replace(/<\/?details(?:\s[^>]*)?>/gi, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
