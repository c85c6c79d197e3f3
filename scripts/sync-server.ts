/**
 * npm run sync-server: the server live runs sync through (src/sync/server.ts), with its settings
 * from the environment (docs/sync-server.md lists them), and the commands that look after it:
 *
 *   npm run sync-server                          start it (ws://127.0.0.1:1234, rooms in .runsheet-sync/)
 *   npm run sync-server -- token [--days 365]    print a token for a site's `sync.token` (needs RUNSHEET_SYNC_SECRET)
 *   npm run sync-server -- rooms                 list the rooms kept, with their size and last change
 *   npm run sync-server -- forget <room>...      forget rooms by name
 *   npm run sync-server -- forget --days 30      forget the rooms unchanged for 30 days
 */
import { DEFAULTS, optionsFromEnv } from '../src/sync/options.ts';
import { RoomStore } from '../src/sync/room-store.ts';
import { startServer } from '../src/sync/server.ts';
import { signToken } from '../src/sync/tokens.ts';

const [command = 'start', ...args] = process.argv.slice(2);

function days(fallback?: number): number {
	const at = args.indexOf('--days');
	const value = at === -1 ? fallback : Number(args[at + 1]);
	if (value === undefined || !Number.isFinite(value) || value <= 0) stop(`--days needs a number of days, e.g. --days ${fallback ?? 30}`);
	return value!;
}

function stop(message: string): never {
	console.error(`sync-server: ${message}`);
	process.exit(1);
}

let options;
try {
	options = optionsFromEnv(process.env);
} catch (error) {
	stop((error as Error).message);
}

if (command === 'start') {
	// A failure inside one connection's work ends that connection (Hocuspocus catches it); one that
	// escapes as a rejected promise is logged, never allowed to end every other room's session.
	process.on('unhandledRejection', (reason) => console.error('sync-server: unhandled', reason));
	const server = await startServer(options).catch((error: NodeJS.ErrnoException) =>
		stop(error.code === 'EADDRINUSE' ? `port ${options.port} is taken: set RUNSHEET_SYNC_PORT` : error.message),
	);
	const kept = server.rooms.list().length;
	console.log(`sync-server: listening on ${server.url} (pid ${process.pid})`);
	console.log(`sync-server: rooms kept in ${options.db} (${kept} now)${options.redis ? `, shared through ${options.redis}` : ''}`);
	console.log(
		options.secret
			? `sync-server: a token signed with RUNSHEET_SYNC_SECRET is needed to join a room${options.issueTokens ? '; /token hands them out' : ''}`
			: 'sync-server: no RUNSHEET_SYNC_SECRET: tokens are not asked for, so it only listens on this machine',
	);
	console.log(`sync-server: pages from ${options.origins?.join(', ') ?? 'the host name the server is reached by'} may connect`);
	console.log(`sync-server: frames and rooms up to ${options.maxBytes} bytes`);
	// Run with --expose-gc (the memory tests, tests/sync/), SIGUSR2 prints the memory in use after
	// a full collection. Without the flag there is no such handler.
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc)
		process.on('SIGUSR2', () => {
			gc();
			const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
			console.log(`sync-server: memory ${JSON.stringify({ rss, heapUsed, heapTotal, external })}`);
		});
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.once(signal, () => {
			console.log(`sync-server: ${signal}: storing the open rooms and stopping`);
			void server.stop().then(() => process.exit(0));
		});
} else if (command === 'token') {
	if (!options.secret) stop('RUNSHEET_SYNC_SECRET is needed: a token is signed with it');
	const valid = days(365);
	const expires = new Date(Date.now() + valid * 86_400_000);
	console.error(`sync-server: a token valid until ${expires.toISOString()}: put it in the site's settings as sync.token`);
	console.log(signToken(options.secret, expires));
} else if (command === 'rooms' || command === 'forget') {
	const rooms = RoomStore.open(options.db);
	if (command === 'rooms') {
		const list = rooms.list();
		for (const r of list) console.log(`${r.room}\t${r.bytes} bytes\t${new Date(r.updated).toISOString()}`);
		console.error(`sync-server: ${list.length} rooms in ${options.db}`);
	} else if (args.includes('--days')) {
		const n = days();
		console.log(`sync-server: forgot ${rooms.forgetUnchangedSince(Date.now() - n * 86_400_000)} rooms unchanged for ${n} days`);
	} else if (args.length) console.log(`sync-server: forgot ${rooms.forget(args)} of ${args.length} rooms named`);
	else stop('forget what? Name the rooms, or --days N');
	rooms.close();
} else stop(`unknown command "${command}": start (the default), token, rooms or forget. Default file: ${DEFAULTS.db}`);
