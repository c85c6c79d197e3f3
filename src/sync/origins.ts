/**
 * Which web pages may open a socket to the sync server or fetch a token from it. A browser always
 * sends the page's origin; checking it keeps another site open in a responder's browser from
 * joining rooms with that responder's cookies. Clients that are not browsers can send any origin,
 * so this is no sign-in: the token is (tokens.ts).
 */

/** An origin as browsers write it (`https://runbooks.example.com`), or undefined for anything else. */
export function normalOrigin(text: string): string | undefined {
	try {
		const url = new URL(text);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
		return url.origin;
	} catch {
		return undefined;
	}
}

/** The host name of a Host header (`runbooks.example.com:443`, `[::1]:1234`), lower case. */
function hostName(host: string): string {
	const bracketed = /^\[([^\]]+)\]/.exec(host);
	if (bracketed) return bracketed[1]!.toLowerCase();
	return host.replace(/:\d+$/, '').toLowerCase();
}

/**
 * Whether a request with this Origin header may go on. With a list (RUNSHEET_SYNC_ORIGINS), the
 * origins listed; without one, pages on the host name the request was sent to (the site and the
 * server behind one proxy, or both on this machine for a try), whatever the port. No Origin
 * header: not a browser page, so nothing to check here.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed?: readonly string[]): boolean {
	if (origin === undefined) return true;
	const normal = normalOrigin(origin);
	if (!normal) return false;
	if (allowed) return allowed.includes(normal);
	if (!host) return false;
	return new URL(normal).hostname.replace(/^\[|\]$/g, '') === hostName(host);
}
