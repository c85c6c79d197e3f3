/** Package-lock entries for optional platform packages the registry did not provide. */

interface LockEntry {
	version?: string;
	optionalDependencies?: Record<string, string>;
	[key: string]: unknown;
}

export interface Lockfile {
	packages: Record<string, LockEntry>;
}

/** os / cpu / libc of a platform package, read from its name ("...-darwin-arm64", "...-linux-x64-musl"). */
export function platformOf(name: string): { os?: string[]; cpu?: string[]; libc?: string[] } {
	const n = name.split('/').pop() ?? name;
	const os = /darwin/.test(n)
		? 'darwin'
		: /win32|windows/.test(n)
			? 'win32'
			: /android/.test(n)
				? 'android'
				: /freebsd/.test(n)
					? 'freebsd'
					: /linux/.test(n)
						? 'linux'
						: undefined;
	const cpu = /arm64/.test(n) ? 'arm64' : /x64/.test(n) ? 'x64' : /wasm32/.test(n) ? 'wasm32' : undefined;
	const libc = /musl/.test(n) ? 'musl' : /gnu/.test(n) ? 'glibc' : undefined;
	return { ...(cpu ? { cpu: [cpu] } : {}), ...(os ? { os: [os] } : {}), ...(libc ? { libc: [libc] } : {}) };
}

export function missingOptionalEntries(lock: Lockfile): [string, LockEntry][] {
	const missing = new Map<string, LockEntry>();
	for (const entry of Object.values(lock.packages)) {
		for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
			const key = `node_modules/${dep}`;
			if (!lock.packages[key] && !missing.has(key)) missing.set(key, { version, optional: true, ...platformOf(dep) });
		}
	}
	return [...missing];
}
