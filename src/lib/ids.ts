/** Turns any title into a URL-safe id: lowercase ASCII words joined by single hyphens. */
export function slugify(text: string, maxLength = 60): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= maxLength) return slug;
	// Cut at a word boundary so ids stay readable.
	const cut = slug.slice(0, maxLength + 1);
	const lastHyphen = cut.lastIndexOf('-');
	return (lastHyphen > 10 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/** Hands out unique ids within one runbook: the slug itself, then slug-2, slug-3 ... */
export class IdAllocator {
	private readonly used = new Set<string>();

	constructor(reserved: Iterable<string> = []) {
		for (const id of reserved) this.used.add(id);
	}

	allocate(text: string, fallback = 'item'): string {
		const base = slugify(text) || fallback;
		let id = base;
		for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
		this.used.add(id);
		return id;
	}
}
