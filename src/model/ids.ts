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

/**
 * An id from a file or alert name, its words kept apart: `etcdMembersDown` -> "etcd-members-down",
 * `KubeAPIDown` -> "kube-api-down", `disk_full` -> "disk-full".
 */
export function idFromName(name: string): string {
	return slugify(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2'));
}

/** Hands out unique ids within one runbook: the slug itself, then slug-2, slug-3 ... */
export class IdAllocator {
	private readonly used = new Set<string>();
	/** Where the search for a free `slug-n` resumes: every lower n is taken (ids are never given back). */
	private readonly next = new Map<string, number>();

	constructor(reserved: Iterable<string> = []) {
		for (const id of reserved) this.used.add(id);
	}

	/** Takes an id chosen by the author as it is; false when it is already taken. */
	claim(id: string): boolean {
		if (this.used.has(id)) return false;
		this.used.add(id);
		return true;
	}

	allocate(text: string, fallback = 'item'): string {
		const base = slugify(text) || fallback;
		if (!this.used.has(base)) {
			this.used.add(base);
			return base;
		}
		// A long document repeats titles thousands of times: counting up from 2 each time was quadratic.
		let n = this.next.get(base) ?? 2;
		while (this.used.has(`${base}-${n}`)) n++;
		this.next.set(base, n + 1);
		this.used.add(`${base}-${n}`);
		return `${base}-${n}`;
	}
}
