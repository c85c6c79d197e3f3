import type { SectionKind } from '../schema/section.ts';
import { ALERT_NAME } from '../schema/alerts.ts';
import { headingWords } from './classify.ts';

/**
 * Response runbooks: one page per alert or incident type, in prose with commands. Their headings
 * follow a few well-known templates: Meaning / Impact / Diagnosis / Mitigation (the Prometheus
 * community's alert runbooks), Symptoms / Investigation / Resolution / Escalation, Overview /
 * Steps / Rollback / Escalation. Everything here is about recognising that shape.
 */

/** Headings that only response runbooks use: these decide the shape of a document. */
const CORE_RULES: [RegExp, SectionKind][] = [
	[/^(meaning|symptoms?|what (is )?happen(ed|ing)|alert (description|details))\b/i, 'overview'],
	[/^((business |customer |user )?impact|severity)\b/i, 'impact'],
	[/^(diagnos[ie]s|diagnose|investigat(e|ion|ing)|triage)\b/i, 'diagnosis'],
	[
		/^(mitigat(e|ion|ions|ing)|remediat(e|ion)|resolution|resolve|runbook|playbook|how to (resolve|mitigate|remediate|recover)|what to do)\b/i,
		'mitigation',
	],
	[/^(escalat(e|ion)|who to (call|contact))\b/i, 'escalation'],
];

/** Headings that mean the same in a response runbook but something else in a checklist. */
const SHAPE_RULES: [RegExp, SectionKind][] = [
	[/^(overview|summary|description|background|context|about( this alert)?)\b/i, 'overview'],
	// Per-severity advice ("## Critical", "## Warning"): how urgent it is, read before acting.
	[/^(critical|warning|info|page|ticket)$/i, 'impact'],
	[/^(troubleshoot(ing)?|debug(ging)?|checks?|identify|find the cause|root cause|causes?)\b/i, 'diagnosis'],
	// After the fix: whether it worked ("Verify the fix", "Verification").
	[/^(verif(y|ication)|validat(e|ion)|post-?checks?)\b/i, 'verification'],
	[/^(steps|actions|response|fix(es)?|workarounds?|recovery|recover|solutions?|how to fix|procedure)\b/i, 'mitigation'],
	[/^(contacts?|on-?call|owners?)\b/i, 'escalation'],
];

/**
 * A word before the part's name that does not change which part it is: "Possible checks",
 * "Immediate actions", "Suggested fix", "Next steps".
 */
const QUALIFIER = /^(?:possible|suggested|recommended|immediate|initial|quick|further|manual|next|additional)\s+/i;

/** The heading's words the parts are named by: no emoji before them, no qualifier. */
const partWords = (title: string) => headingWords(title).replace(QUALIFIER, '');

/** The kind a heading names in any document, or undefined. */
export function coreResponseKind(title: string): SectionKind | undefined {
	const words = partWords(title);
	return CORE_RULES.find(([pattern]) => pattern.test(words))?.[1];
}

/** The kind a heading names in a document that has the response shape, or undefined. */
export function responseKind(title: string): SectionKind | undefined {
	const words = partWords(title);
	return coreResponseKind(title) ?? SHAPE_RULES.find(([pattern]) => pattern.test(words))?.[1];
}

/**
 * A document has the response shape when its headings name at least two different parts of a
 * response runbook (Meaning and Mitigation, Symptoms and Resolution, Overview and Escalation ...),
 * one of them unmistakable.
 */
export function hasResponseShape(headings: string[]): boolean {
	// "Overview" and "Steps" alone are any document's; with one unmistakable part they are a response runbook's.
	return headings.some((h) => coreResponseKind(h)) && new Set(headings.map(responseKind).filter(Boolean)).size >= 2;
}

/** Kinds that are prose to read: no checkboxes, no badge. */
export const PROSE_KINDS: ReadonlySet<SectionKind> = new Set(['overview', 'impact', 'escalation']);

/** Kinds whose paragraphs, bullets and commands become steps to tick in order. */
export const RESPONSE_STEP_KINDS: ReadonlySet<SectionKind> = new Set(['diagnosis', 'mitigation']);

/**
 * Verbs that start an instruction. A line or bullet that starts with one is something to do
 * ("Check the logs", "restart the pod"); one that does not is an explanation or a possibility
 * ("app waits for other services to start").
 */
const IMPERATIVE = new Set(
	`acknowledge add address adjust allocate analyse analyze apply approve archive ask assign attach back backup block bump call cancel capture change check clean clear close collect compare configure confirm continue connect consider contact copy cordon correct create debug decrease define delete deploy describe design detach determine disable disconnect drain drop dump edit enable ensure escalate evict examine exec execute exit expand export extend failover fetch find fine fix flush follow force free gather get give go grant grep identify increase inform inspect install investigate isolate keep kill label list limit locate lock log login look lower make mark merge migrate monitor mount move navigate never notify open page patch pause ping plan post prepare promote prune purge query raise read reboot rebuild reconfigure redesign recreate redeploy reduce refresh reinstall reload remove rename renew repair replace report request rerun reset resize restart restore resume retry revert review revoke remediate recover resolve roll rollback rotate run scale schedule search select send set shut ssh start stop suspend switch sync talk tell terminate test tail trigger try tune turn unblock uncordon undo unlock unmount update upgrade use validate verify view wait watch`.split(
		' ',
	),
);

/** Leading words that do not change what the sentence asks: "First, check ...", "Then run ...". */
const LEAD_IN = /^(?:(?:first|then|next|finally|also|now|afterwards|optionally|if needed|if possible)\b[,:]?\s+)+/i;

/** "If this is supported, increase ...", "When it is done then restart ...": what follows the condition. */
const CONDITION = /^(?:if|when|once|in case|depending on|after|before|unless)\b[^.,]*?(?:,\s*|\s+then\s+)(?:then\s+)?(.+)$/is;

/**
 * Whether a line of prose is an instruction: it starts with a verb of the list (after "Then",
 * "First" ...), or with a condition followed by one ("If the volume can grow, resize it").
 */
export function isInstruction(text: string): boolean {
	const plain = text.replace(/^[\s*_>`]+/, '').replace(LEAD_IN, '');
	const word = /^([A-Za-z]+)/.exec(plain)?.[1]?.toLowerCase();
	if (word !== undefined && IMPERATIVE.has(word)) return true;
	const then = CONDITION.exec(plain)?.[1];
	return then !== undefined && isInstruction(then);
}

/**
 * Whether a paragraph asks for something: one of its sentences is an instruction ("If an upgrade
 * is in progress, the alert may resolve itself. If MCO is not working, check the cloud provider.").
 */
export function asksForAction(paragraph: string): boolean {
	return paragraph.split(/(?<=[.!?])\s+(?=[A-Z`*_])/).some(isInstruction);
}

/** "See [Debugging Pods](…)", "Further reading: …": where to read more, neither an instruction nor an explanation. */
export function isReference(text: string): boolean {
	return /^(?:see|refer to|read more|more (?:at|in|on)|further reading|documentation|docs)\b/i.test(text.replace(/^[\s*_]+/, ''));
}

/** A bullet that is only a command in backticks ("- `kubectl get pods`") is something to run. */
export function isCommandOnly(text: string): boolean {
	return /^`[^`]+`\.?$/.test(text.trim());
}

/**
 * The alerts a document answers: its H1 and its file name where written like an alert
 * (`etcdMembersDown`, `KubePodCrashLooping`, `Watchdog`; no spaces, a capital letter), the H1
 * first. A document without the alert-runbook shape needs a camel-case name (`NodeRAIDDiskFailure`),
 * so that a page headed "Overview" or "Troubleshooting" is not taken for an alert's.
 */
/** How many words a camel-case name joins: "KubeAPIDown" is three, "PostGIS" two. */
export const camelWords = (name: string) => name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).length;

export function alertNamesFrom(h1: string | undefined, fileStem: string | undefined, shaped = true): string[] {
	// Mixed case and no hyphen: "README", "index" and "disk-full" are names of files, not alerts.
	const looksLikeAlert = (text: string | undefined): text is string =>
		text !== undefined &&
		ALERT_NAME.test(text) &&
		!text.includes('-') &&
		/[a-z]/.test(text) &&
		/[A-Z]/.test(text) &&
		// Outside an alert runbook's shape, a name of three words at least: "PostGIS" and "uWSGI" name products.
		(shaped || (/[a-z][A-Z]/.test(text) && camelWords(text) >= 3)) &&
		!isHelperName(text);
	// Both when they differ: rule sets build runbook URLs from the file name (kube-prometheus), and
	// a heading copied from another runbook must not leave the file's own alert without its page.
	return [...new Set([h1?.trim(), fileStem].filter(looksLikeAlert))];
}

/** Verbs a helper procedure's name starts with: `accessToolbox`, `gatherLogs`, `restartPod`. */
const HELPER_VERBS = new Set(
	'access gather collect check get restart run debug install enable disable create delete remove update upgrade fetch dump find open connect login use set reset clean cleanup rotate drain scale inspect investigate troubleshoot verify view show list read copy export import backup restore start stop kill apply patch edit deploy rollback roll migrate sync mount unmount attach detach exec ssh port tail watch capture take make add'.split(
		' ',
	),
);

/**
 * A procedure named in lower camel case after what it does (`accessToolbox`, `gatherLogs`): a helper
 * the alert runbooks link to, not an alert, which names a state (`etcdMembersDown`). Front matter
 * (`alert: gatherLogs`) still says it is one.
 */
export function isHelperName(name: string): boolean {
	const first = /^([a-z]+)[A-Z0-9]/.exec(name)?.[1];
	return first !== undefined && HELPER_VERBS.has(first);
}

/** Programs whose name starting a code span makes it a command to run, not a name or a value. */
const PROGRAMS = new Set(
	`kubectl oc helm docker podman crictl ctr etcdctl systemctl journalctl cp mv rm ln chmod chown mkdir tar rsync sed awk curl wget dig nslookup ping traceroute ssh scp aws gcloud az terraform git psql mysql redis-cli mongosh promtool amtool df du lsof top htop free ps kill pkill sudo cat tail head grep less ls find ip ss netstat iostat vmstat dmesg mount umount sysctl nc openssl velero argocd flux istioctl linkerd consul vault nomad`.split(
		' ',
	),
);

/** Whether a word names a program of the list above: a line starting with it runs it. */
export const isProgram = (word: string) => PROGRAMS.has(word);

/**
 * Commands written in a step's text (`Check pod events via \`kubectl -n $NAMESPACE describe pod $POD\``),
 * as command blocks: a responder copies them with one click, with the run's values filled in.
 */
export function inlineCommands(text: string): { lang: string; code: string }[] {
	return [...text.matchAll(/`([^`\n]+)`/g)]
		.map((match) => match[1]!.trim())
		.filter((code) => code.includes(' ') && PROGRAMS.has(code.split(/\s+/)[0]!))
		.map((code) => ({ lang: 'bash', code }));
}
