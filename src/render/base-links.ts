import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const ATTRIBUTES = ['href', 'src'] as const;

/** A root-relative URL with the site's base in front, unless it has it already. */
export function withBase(url: string, base: string): string {
	if (!base || !url.startsWith('/') || url.startsWith('//')) return url;
	return url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`) || url.startsWith(`${base}#`) ? url : `${base}${url}`;
}

/**
 * A rehype plugin: root-relative links and images in Markdown (`/runbooks/restore-db/`, a guide
 * linking another) follow the site's base path, so a site built for `/ops-runbooks/` on a shared
 * host keeps them working. Runbook files and guides stay written from the site's root.
 */
export function rehypeBaseLinks({ base }: { base: string }) {
	return (tree: Root) => {
		if (!base) return;
		visit(tree, 'element', (node: Element) => {
			for (const name of ATTRIBUTES) {
				const value = node.properties[name];
				if (typeof value === 'string') node.properties[name] = withBase(value, base);
			}
		});
	};
}
