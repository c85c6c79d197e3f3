import { REFERENCE } from '../../schema/template.ts';

/**
 * Values written into a command that will be wrong on the next run: a date (the backup of
 * 2023-11-20), a version (the release rolled back to) or a host. Each should be a runbook
 * variable the responder fills in. Found by pattern; what a command names by design (localhost,
 * public registries, Kubernetes API groups) is left alone.
 */
export type LiteralKind = 'date' | 'version' | 'host';

export interface Literal {
	kind: LiteralKind;
	value: string;
	start: number;
	end: number;
}

// Calendar dates only (month 01-12, day 01-31), so a port or a build number is not a date.
const MONTH = '(?:0[1-9]|1[0-2])';
const DAY = '(?:0[1-9]|[12]\\d|3[01])';
const ISO_DATE = new RegExp(`(?<!\\d)(?:19|20)\\d\\d-${MONTH}-${DAY}(?:T\\d\\d:?\\d\\d(?::?\\d\\d)?Z?)?(?![\\d])`, 'g');
// 20231120, 20231120_1530, 20231120T153000: the stamps backup and dump files carry.
const COMPACT_DATE = new RegExp(`(?<!\\d)(?:19|20)\\d\\d${MONTH}${DAY}(?:[T_-]?\\d{4}(?:\\d\\d)?)?(?!\\d)`, 'g');
// Three parts exactly (1.2.3, v0.9.0, 2.4.1-rc.1): four would be an address, two too often a decimal.
const VERSION = /(?<![\d.])v?\d+\.\d+\.\d+(?:-(?:rc|beta|alpha|pre)[.\d]*)?(?!\.?\d)/g;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;
// Labels ending in a top-level domain a host would have; never starting after a dot (a file name
// such as `.env.dev`) or a single slash (a path segment), but after `://` (a URL) or `@` (ssh).
const HOST =
	/(?<![\w.-])(?<![^:/]\/)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|io|dev|app|cloud|internal|corp|lan|co|us|uk|de|eu|ai|tech)(?![\w-]|\.[a-z0-9])/gi;

// Hosts every team uses by name, not per environment: registries, code hosts, API groups.
const PUBLIC_HOSTS =
	/(^|\.)(example\.(com|net|org)|github\.com|githubusercontent\.com|github\.io|gitlab\.com|docker\.io|docker\.com|ghcr\.io|quay\.io|gcr\.io|pkg\.dev|npmjs\.(org|com)|pypi\.org|python\.org|golang\.org|go\.dev|k8s\.io|kubernetes\.io|x-k8s\.io|coreos\.com|istio\.io|cert-manager\.io|letsencrypt\.org|sentry\.io|grafana\.com|prometheus\.io|ubuntu\.com|debian\.org|googleapis\.com|microsoft\.com|apple\.com)$/i;

function isLocalAddress(ip: string): boolean {
	const parts = ip.split('.').map(Number);
	if (parts.some((part) => part > 255)) return true; // not an address at all
	return ip === '0.0.0.0' || parts[0] === 127 || ip.startsWith('255.');
}

/** The `{{NAME}}` references of a text: literals inside them are not literals. */
function referenceSpans(code: string): [number, number][] {
	return [...code.matchAll(new RegExp(REFERENCE.source, 'g'))].map((m) => [m.index, m.index + m[0].length]);
}

// Cheap tests first: most commands hold no digit run or no domain-like ending, and the build
// lints every runbook (src/build/content/lint.ts).
const HAS_NUMBERS = /\d[.\d-]*\d/;
const HAS_DOMAIN = /\.(?:com|net|org|io|dev|app|cloud|internal|corp|lan|co|us|uk|de|eu|ai|tech)\b/i;

/** The literal values of one command, in order, without overlaps (a date wins over a version). */
export function findLiterals(code: string): Literal[] {
	const numbers = HAS_NUMBERS.test(code);
	const domain = HAS_DOMAIN.test(code);
	if (!numbers && !domain) return [];
	const taken = code.includes('{{') ? referenceSpans(code) : [];
	const found: Literal[] = [];
	const add = (kind: LiteralKind, pattern: RegExp, keep: (value: string) => boolean = () => true) => {
		for (const match of code.matchAll(pattern)) {
			// A tag's "v" stays written (`v{{VERSION}}`): v2.4.1 and 2.4.1 are one version.
			const lead = kind === 'version' && match[0].startsWith('v') ? 1 : 0;
			const start = match.index + lead;
			const end = match.index + match[0].length;
			if (!keep(match[0]) || taken.some(([s, e]) => start < e && end > s)) continue;
			taken.push([start, end]);
			found.push({ kind, value: match[0].slice(lead), start, end });
		}
	};
	if (numbers) {
		add('date', ISO_DATE);
		add('date', COMPACT_DATE);
		add('host', IPV4, (ip) => !isLocalAddress(ip));
		add('version', VERSION);
	}
	if (domain) add('host', HOST, (host) => !PUBLIC_HOSTS.test(host) && !/^\d+(\.\d+)*$/.test(host.split('.').slice(0, -1).join('.')));
	return found.sort((a, b) => a.start - b.start);
}

const GENERIC_FIRST_LABELS = new Set(['www', 'app', 'web', 'my', 'the']);

/**
 * The variable a literal becomes. `context` is the command and the step text around it: a date
 * next to "backup" or "dump" is the backup's date; a version on a rollback step is the version
 * rolled back to.
 */
export function proposeName(literal: Pick<Literal, 'kind' | 'value'>, context: { text: string; rollback: boolean }): string {
	switch (literal.kind) {
		case 'date':
			return /backup|dump|snapshot|\.sql\b|\.bak\b/i.test(context.text) ? 'BACKUP_DATE' : 'DATE';
		case 'version':
			return context.rollback ? 'PREVIOUS_VERSION' : 'VERSION';
		case 'host': {
			if (/^[\d.]+$/.test(literal.value)) return 'HOST_IP';
			const first = literal.value
				.split('.')[0]!
				.toUpperCase()
				.replace(/[^A-Z0-9]+/g, '_');
			return GENERIC_FIRST_LABELS.has(first.toLowerCase()) || /^\d/.test(first) ? 'HOST' : `${first}_HOST`;
		}
	}
}

/** A pattern for the variable, shaped like the literal, so a mistyped value is caught in the input. */
export function patternFor(literal: Pick<Literal, 'kind' | 'value'>): string | undefined {
	if (literal.kind === 'date') {
		if (/^\d{8}$/.test(literal.value)) return '\\d{8}';
		if (/^\d{4}-\d\d-\d\d$/.test(literal.value)) return '\\d{4}-\\d{2}-\\d{2}';
		return undefined;
	}
	if (literal.kind === 'version') return '\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.-]+)?';
	return undefined;
}

export const LITERAL_WORDS: Record<LiteralKind, string> = { date: 'date', version: 'version', host: 'host' };

/** `code` with each literal `value` in it written `{{NAME}}` (the same spans findLiterals reports). */
export function writeAsVariable(code: string, value: string, name: string): { code: string; count: number } {
	const spans = findLiterals(code).filter((literal) => literal.value === value);
	return {
		code: spans.reduceRight((out, span) => `${out.slice(0, span.start)}{{${name}}}${out.slice(span.end)}`, code),
		count: spans.length,
	};
}
