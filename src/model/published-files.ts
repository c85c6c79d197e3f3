import type { Definition, Image, Link, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { FILES, withoutBase } from './paths.ts';

/**
 * Which files kept beside the runbooks the site publishes (at /runbook-files/<path>): only those
 * a runbook links or shows, of the kinds below, and never one named like a secret. A folder of
 * runbooks is often a team's whole ops folder: a kubeconfig or an `.env` beside the Markdown must
 * not become a public URL because it is there.
 */

/**
 * The kinds published, by extension: what a runbook shows or hands out, that a browser never
 * runs as the site's own page. SVG and HTML are left out: opened from the site, their scripts
 * would run with its origin (its stored runs). Export a diagram as PNG, or link it where it lives.
 */
export const PUBLISHED_KINDS: Readonly<Record<string, string>> = {
	png: 'image',
	jpg: 'image',
	jpeg: 'image',
	gif: 'image',
	webp: 'image',
	avif: 'image',
	pdf: 'PDF',
	txt: 'plain text',
	log: 'plain text',
	csv: 'plain text',
	// Files a step hands out: a script to run, a query, a dashboard to import.
	sh: 'script',
	sql: 'script',
	json: 'data',
};

/**
 * Names that hold credentials (by the file's name, any case): never published, even when linked.
 * The build stops on a link to one rather than let a runbook point at a missing file.
 */
const SECRET_NAMES: readonly { pattern: RegExp; what: string }[] = [
	{ pattern: /^(kubeconfig|.*\.kubeconfig|kubeconfig\..*)$/, what: 'a kubeconfig' },
	{ pattern: /(^|\.)env(\.|$)/, what: 'an environment file' },
	{ pattern: /^\.?(envrc|netrc|_netrc|pgpass|htpasswd|git-credentials|npmrc|pypirc|dockercfg|s3cfg)$/, what: 'a credentials file' },
	{ pattern: /\.(pem|key|p12|pfx|p8|jks|keystore|ppk|kdbx|ovpn)$/, what: 'a key or certificate store' },
	{ pattern: /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/, what: 'an SSH private key' },
	{ pattern: /^credentials/, what: 'a credentials file' },
	{ pattern: /^(secrets?(\.|$)|client_secret)/, what: 'a secrets file' },
	{ pattern: /\.tfstate(\.|$)/, what: 'Terraform state' },
];

/** What a file's name says it holds, when that is a secret. */
export function secretKind(path: string): string | undefined {
	const name = path.split('/').pop()!.toLowerCase();
	return SECRET_NAMES.find(({ pattern }) => pattern.test(name))?.what;
}

/** The kind of file a path names, when the site publishes that kind. */
export function publishedKind(path: string): string | undefined {
	const name = path.split('/').pop()!.toLowerCase();
	const dot = name.lastIndexOf('.');
	return dot > 0 ? PUBLISHED_KINDS[name.slice(dot + 1)] : undefined;
}

export type FileDecision =
	| { publish: true }
	/** Nobody links it, or it is not of a kind published: left out, and the build says so. */
	| { publish: false; why: 'unlinked' | 'kind' }
	/** Named like a secret: left out; linked, it stops the build. */
	| { publish: false; why: 'secret'; what: string };

/** Whether a file beside the runbooks (or a file a runbook links) is published. */
export function fileDecision(path: string, linked: boolean): FileDecision {
	const secret = secretKind(path);
	if (secret) return { publish: false, why: 'secret', what: secret };
	if (!linked) return { publish: false, why: 'unlinked' };
	return publishedKind(path) ? { publish: true } : { publish: false, why: 'kind' };
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** A link's destination as a path in the runbooks' folder, when it points at /runbook-files/. */
export function linkedFilePath(url: string): string | undefined {
	const path = withoutBase(url.split(/[?#]/)[0]!);
	if (!path.startsWith(FILES)) return undefined;
	try {
		const segments = path.slice(FILES.length).split('/').map(decodeURIComponent);
		if (segments.some((s) => s === '..' || s === '.' || s === '')) return undefined;
		return segments.join('/');
	} catch {
		return undefined;
	}
}

/**
 * The files a runbook links or shows: the destinations of the links, images and link definitions
 * of its Markdown fields, and its addresses (`href`), that point at /runbook-files/ (where the
 * importer and `npm run import` write every link to a file beside the runbooks). Commands are
 * not Markdown: a URL in one links nothing.
 */
export function linkedFiles(runbook: unknown): Set<string> {
	const found = new Set<string>();
	const add = (url: string) => {
		const path = linkedFilePath(url);
		if (path !== undefined) found.add(path);
	};
	const visitValue = (value: unknown, field: string): void => {
		if (typeof value === 'string') {
			// Most text names no file: only text that may is parsed.
			if (!value.includes(FILES.slice(1))) return;
			if (field === 'href') add(value.trim());
			else if (field !== 'code' && field !== 'output') {
				visit(parser.parse(value) as Root, ['link', 'image', 'definition'], (node) => add((node as Link | Image | Definition).url));
			}
		} else if (Array.isArray(value)) for (const item of value) visitValue(item, field);
		else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visitValue(item, key);
	};
	visitValue(runbook, '');
	return found;
}

export interface FilePlan {
	/** Published, sorted. */
	publish: string[];
	/** Beside the runbooks, linked by none (secrets included): not published. */
	unlinked: string[];
	/** Linked, of a kind not published. */
	notPublished: string[];
	/** Linked and named like a secret, with the runbooks (their files) that link each: the build stops. */
	secrets: { path: string; what: string; linkedBy: string[] }[];
}

/**
 * What becomes of the files beside the runbooks (`beside`, paths in the folder), given what the
 * runbooks link. A linked secret counts whether or not the file is there: the link is the mistake.
 */
export function planRunbookFiles(beside: readonly string[], runbooks: readonly { file: string; data: unknown }[]): FilePlan {
	const linkedBy = new Map<string, string[]>();
	for (const { file, data } of runbooks) for (const path of linkedFiles(data)) linkedBy.set(path, [...(linkedBy.get(path) ?? []), file]);
	const plan: FilePlan = { publish: [], unlinked: [], notPublished: [], secrets: [] };
	for (const path of [...beside].sort()) {
		const decision = fileDecision(path, linkedBy.has(path));
		if (decision.publish) plan.publish.push(path);
		else if (!linkedBy.has(path)) plan.unlinked.push(path);
		else if (decision.why === 'kind') plan.notPublished.push(path);
	}
	for (const [path, files] of [...linkedBy].sort(([a], [b]) => a.localeCompare(b))) {
		const what = secretKind(path);
		if (what) plan.secrets.push({ path, what, linkedBy: files });
	}
	return plan;
}

/** A list of paths for a message: the first few, and how many more. */
export function fewPaths(paths: readonly string[], few = 5): string {
	return paths.length > few ? `${paths.slice(0, few).join(', ')} and ${paths.length - few} more` : paths.join(', ');
}

/**
 * What the build says of the files it leaves out: a line for those nobody links, a line for
 * linked ones of a kind not published; nothing when every file is published.
 */
export function unpublishedLines(plan: Pick<FilePlan, 'unlinked' | 'notPublished'>): string[] {
	const files = (n: number) => (n === 1 ? '1 file' : `${n} files`);
	return [
		...(plan.unlinked.length
			? [
					`runbook files: ${files(plan.unlinked.length)} beside the runbooks, linked by none, not published: ${fewPaths(plan.unlinked)}. Hint: link a file from a runbook to publish it`,
				]
			: []),
		...(plan.notPublished.length
			? [
					`runbook files: ${files(plan.notPublished.length)} linked but not published, of a kind the site does not serve: ${fewPaths(plan.notPublished)}. Hint: the site publishes ${Object.keys(PUBLISHED_KINDS).join(', ')} files (docs/features.md); link the others where they live`,
				]
			: []),
	];
}
