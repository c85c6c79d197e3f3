import { createReadStream, existsSync, statSync } from 'node:fs';
import { PassThrough, Transform } from 'node:stream';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
};

/**
 * A plain static host for a built site, below `base`, as any web server serves it: folders
 * answer with their index.html, a missing file with the site's 404.html. `files(path)` lets a
 * test swap a file, as a new build deployed to the same origin would. `sent(path)` counts the
 * bytes of the files it sent whose path passes the test, as sent (compressed): Playwright's sizes
 * of a request made by a worker's script itself (Pagefind's worker) say 0.
 */
export async function serveStatic(
	dist: string,
	base = '',
	/** Redirects the host answers itself (301, the query kept), by path: a host reading the build's _redirects. */
	redirects: ReadonlyMap<string, string> = new Map(),
): Promise<{ origin: string; close(): Promise<void>; override: Map<string, string>; sent(path: (path: string) => boolean): number }> {
	const override = new Map<string, string>();
	const sent: { path: string; bytes: number }[] = [];
	const server: Server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
		if (!path.startsWith(`${base}/`)) {
			response.writeHead(404).end();
			return;
		}
		const inside = path.slice(base.length);
		const to = redirects.get(path);
		if (to) {
			response.writeHead(301, { Location: `${to}${new URL(request.url!, 'http://x').search}` }).end();
			return;
		}
		if (override.has(inside)) {
			response.writeHead(200, { 'Content-Type': TYPES[extname(inside)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
			response.end(override.get(inside));
			return;
		}
		let file = join(dist, normalize(inside));
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!inside.endsWith('/')) {
				response.writeHead(301, { Location: `${path}/` }).end();
				return;
			}
			file = join(file, 'index.html');
		}
		if (!existsSync(file)) {
			response.writeHead(404, { 'Content-Type': TYPES['.html']! });
			createReadStream(join(dist, '404.html')).pipe(response);
			return;
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		// Text is sent compressed, as a real host sends it (docs/hosting/nginx.conf).
		const gzip = /text|json|javascript|svg/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
		response.writeHead(200, {
			'Content-Type': type,
			// As docs/hosting/nginx.conf: files named by their content are kept, the rest revalidated.
			'Cache-Control': /^\/(?:_astro|pagefind\/(?:index|filter|fragment))\//.test(inside)
				? 'public, max-age=31536000, immutable'
				: 'no-cache',
			...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
		});
		const count = { path: inside, bytes: 0 };
		sent.push(count);
		createReadStream(file)
			.pipe(gzip ? createGzip() : new PassThrough())
			.pipe(
				new Transform({
					transform(chunk: Buffer, _encoding, done) {
						count.bytes += chunk.length;
						done(null, chunk);
					},
				}),
			)
			.pipe(response);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as { port: number };
	return {
		origin: `http://127.0.0.1:${port}`,
		override,
		sent: (path) => sent.reduce((sum, c) => (path(c.path) ? sum + c.bytes : sum), 0),
		close: () => new Promise((done) => server.close(() => done())),
	};
}
