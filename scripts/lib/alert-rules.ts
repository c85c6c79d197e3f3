/**
 * Alerting rule files as `npm run alerts` reads them: Prometheus rule files (`groups: - rules: -
 * alert:`), the same groups under `spec:` of Kubernetes `PrometheusRule` manifests (several YAML
 * documents per file), and Grafana's provisioned alert rules (`title:` names the alert). Every
 * alert comes with its file and line; what cannot be read is a problem with its file and line,
 * never an exception, so the other files are still checked.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Pair, type YAMLMap } from 'yaml';

export interface RuleAlert {
	file: string;
	/** 1-based line of the alert's name. */
	line: number;
	name: string;
	group?: string;
	severity?: string;
	runbookUrl?: string;
}

export interface RuleProblem {
	file: string;
	line: number;
	message: string;
}

export interface RuleFile {
	file: string;
	alerts: RuleAlert[];
	problems: RuleProblem[];
	/** Whether any document of the file holds rule groups. */
	isRuleFile: boolean;
}

/** A rule in its document: the map, and the alert's name node. */
interface FoundRule {
	rule: YAMLMap;
	name: string;
	nameOffset: number;
	group?: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/** The rule groups of one document: Prometheus's top-level `groups:`, or a PrometheusRule's `spec.groups`. */
function groupsOf(doc: Document): { groups?: unknown; why?: string } {
	const root = doc.contents;
	if (!isMap(root)) return { why: 'it is not a map of fields' };
	if (isSeq(root.get('groups'))) return { groups: root.get('groups') };
	const kind = text(root.get('kind'));
	if (kind === 'PrometheusRule') {
		const groups = root.getIn(['spec', 'groups']);
		return isSeq(groups) ? { groups } : { why: 'this PrometheusRule has no `spec.groups:` list' };
	}
	return { why: kind ? `it is a ${kind}, not a PrometheusRule` : 'it has neither `groups:` nor `kind: PrometheusRule`' };
}

function rulesOf(doc: Document): { rules: FoundRule[]; why?: string } {
	const { groups, why } = groupsOf(doc);
	if (!isSeq(groups)) return { rules: [], ...(why ? { why } : {}) };
	const rules: FoundRule[] = [];
	for (const group of groups.items) {
		if (!isMap(group)) continue;
		const groupName = text(group.get('name'));
		const list = group.get('rules');
		if (!isSeq(list)) continue;
		for (const rule of list.items) {
			if (!isMap(rule)) continue;
			// Grafana's provisioned rules name the alert by `title` (beside a `uid`).
			const node = rule.get('alert', true) ?? (rule.has('uid') ? rule.get('title', true) : undefined);
			const name = isScalar(node) ? text(node.value) : undefined;
			if (!name || !node?.range) continue;
			rules.push({ rule, name, nameOffset: node.range[0], ...(groupName ? { group: groupName } : {}) });
		}
	}
	return { rules };
}

function parse(source: string) {
	const lineCounter = new LineCounter();
	const docs = parseAllDocuments(source, { lineCounter, uniqueKeys: false });
	const line = (offset: number) => lineCounter.linePos(offset).line;
	return { docs: Array.isArray(docs) ? docs : [], line };
}

/** Every alert of a rule file, with its line; problems where the YAML does not parse or holds no rules. */
export function readRuleFile(file: string, source: string): RuleFile {
	const { docs, line } = parse(source);
	const alerts: RuleAlert[] = [];
	const problems: RuleProblem[] = [];
	const notRules: RuleProblem[] = [];
	let isRuleFile = false;
	docs.forEach((doc, index) => {
		const error = doc.errors[0];
		if (error) {
			problems.push({
				file,
				line: error.linePos?.[0].line ?? line(doc.range[0]),
				message: `the YAML does not parse: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}. Hint: fix the file (a YAML linter shows where); the other files are still checked`,
			});
			return;
		}
		if (doc.contents === null) return;
		const { rules, why } = rulesOf(doc);
		if (why) {
			const where = docs.length > 1 ? `document ${index + 1}: ` : '';
			notRules.push({ file, line: line(doc.range[0]), message: `${where}not a rule file: ${why}` });
			return;
		}
		isRuleFile = true;
		for (const { rule, name, nameOffset, group } of rules) {
			const severity = text(rule.getIn(['labels', 'severity']));
			const runbookUrl = text(rule.getIn(['annotations', 'runbook_url']));
			alerts.push({
				file,
				line: line(nameOffset),
				name,
				...(group ? { group } : {}),
				...(severity ? { severity } : {}),
				...(runbookUrl ? { runbookUrl } : {}),
			});
		}
	});
	if (!isRuleFile && !problems.length) {
		problems.push(
			...(notRules.length
				? notRules.map((problem) => ({
						...problem,
						message: `${problem.message}. Hint: give Prometheus rule files (\`groups: - rules: - alert:\`) or PrometheusRule manifests`,
					}))
				: [{ file, line: 1, message: 'the file is empty: no rule groups in it' }]),
		);
	}
	return { file, alerts, problems, isRuleFile };
}

/** A URL as a YAML scalar: plain where YAML reads it back unchanged, else double-quoted. */
function scalar(value: string, like?: string): string {
	if (like?.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
	if (like?.startsWith('"') || !/^[A-Za-z][\w+.-]*:\/\/[^\s#]*$/.test(value)) return JSON.stringify(value);
	return value;
}

/** Where a line starts and how far the text at `offset` is indented, when nothing but spaces precede it. */
function lineIndent(source: string, offset: number): { start: number; indent: string } | undefined {
	const start = source.lastIndexOf('\n', offset - 1) + 1;
	const indent = source.slice(start, offset);
	return /^ *$/.test(indent) ? { start, indent } : undefined;
}

export interface Rewrite {
	text: string;
	/** Alerts whose runbook_url was set or changed. */
	changed: string[];
	/** Alerts whose rule is written in a way this cannot edit (flow style): left as they are. */
	skipped: RuleProblem[];
}

/**
 * The rule file with each alert's `runbook_url` set to `urlFor(alert)` (alerts it gives none are
 * left as they are). Edits the text in place of the value, or adds a line, so that the rest of the
 * file (comments, quoting, order) stays byte for byte as written.
 */
export function rewriteRuleFile(
	file: string,
	source: string,
	urlFor: (alert: { name: string; runbookUrl?: string }) => string | undefined,
): Rewrite {
	const { docs, line } = parse(source);
	const edits: { at: number; end: number; insert: string }[] = [];
	const changed: string[] = [];
	const skipped: RuleProblem[] = [];
	for (const doc of docs) {
		if (doc.errors.length) continue;
		for (const { rule, name, nameOffset } of rulesOf(doc).rules) {
			const runbookUrl = text(rule.getIn(['annotations', 'runbook_url']));
			const url = urlFor({ name, ...(runbookUrl ? { runbookUrl } : {}) });
			if (!url) continue;
			const annotations = rule.get('annotations', true);
			const skip = () =>
				skipped.push({ file, line: line(nameOffset), message: `${name}: written in flow style; set its runbook_url by hand to ${url}` });
			if (rule.flow || (annotations !== undefined && (!isMap(annotations) || annotations.flow))) {
				skip();
				continue;
			}
			if (isMap(annotations) && annotations.items.length) {
				const pair = annotations.items.find((item) => isScalar(item.key) && item.key.value === 'runbook_url') as Pair | undefined;
				if (pair && isScalar(pair.value) && pair.value.range) {
					if (pair.value.value === url) continue;
					const [at, end] = pair.value.range;
					edits.push({ at, end, insert: scalar(url, source.slice(at, end)) });
				} else {
					const first = annotations.items[0]!.key as { range?: [number, number, number] } | null;
					const place = first?.range && lineIndent(source, first.range[0]);
					if (!place) {
						skip();
						continue;
					}
					edits.push({ at: place.start, end: place.start, insert: `${place.indent}runbook_url: ${scalar(url)}\n` });
				}
			} else {
				// No annotations yet: a new block before the rule's second field, at its indentation.
				const second = rule.items[1]?.key as { range?: [number, number, number] } | null | undefined;
				const place = second?.range && lineIndent(source, second.range[0]);
				if (!place || annotations !== undefined) {
					skip();
					continue;
				}
				edits.push({
					at: place.start,
					end: place.start,
					insert: `${place.indent}annotations:\n${place.indent}  runbook_url: ${scalar(url)}\n`,
				});
			}
			changed.push(name);
		}
	}
	let out = source;
	for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.insert + out.slice(edit.end);
	return { text: out, changed, skipped };
}
