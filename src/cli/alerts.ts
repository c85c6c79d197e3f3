/**
 * alerts <rule files or folders...> [--base <site URL>] [--format text|json|markdown]
 *   [--strict] [--rewrite [--out-dir <dir>]] [--content <runbooks folder>]
 *
 * Checks alerting rules against this site's runbooks: for every alert, whether its `runbook_url`
 * arrives, is broken, points elsewhere, or is missing, and the URL to use (/alerts/<name>/).
 * Exit 1 when a runbook_url into this site is broken (--strict: also an alert with no runbook),
 * 2 when an input cannot be read (the other files are still checked). --rewrite prints the rule
 * files with runbook_url set to the alert addresses, to stdout or --out-dir; inputs are never edited.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readRunbookCollection } from '../build/content/collection.ts';
import { contentFolder } from '../build/content/content-folder.ts';
import { formatProblem } from '../build/content/validate.ts';
import { siteUrl } from '../build/site-url.ts';
import { paths } from '../model/paths.ts';
import { checkAlert, failed, siteIndex } from '../../scripts/lib/alert-check.ts';
import { FORMATS, formatReport, summary, type Format } from '../../scripts/lib/alert-report.ts';
import { readRuleFile, rewriteRuleFile, type RuleProblem } from '../../scripts/lib/alert-rules.ts';
import { tooBig } from '../import/read-text.ts';
import { maxFileBytes } from '../schema/settings.ts';
import { settings } from '../settings.ts';
import { NPM, type Invocation } from './invocation.ts';
import { alertsOptions } from './options.ts';

export async function alerts(argv: string[], how: Invocation = NPM): Promise<number> {
	const usage = `usage: ${how.usage('alerts', '<rule files or folders...> [--base <site URL>] [--format text|json|markdown] [--strict] [--rewrite [--out-dir <dir>]]')}`;
	let args: ReturnType<typeof parse>;
	function parse() {
		return parseArgs({
			args: argv,
			allowPositionals: true,
			options: alertsOptions,
		});
	}
	try {
		args = parse();
	} catch (error) {
		console.error(`alerts: ${(error as Error).message}\n${usage}`);
		return 2;
	}
	const { values, positionals } = args;
	if (values.help || !positionals.length) {
		(values.help ? console.log : console.error)(usage);
		return values.help ? 0 : 2;
	}
	const format = values.format as Format;
	if (!FORMATS.includes(format)) {
		console.error(`alerts: --format ${values.format} is not one of ${FORMATS.join(', ')}`);
		return 2;
	}
	const base = (values.base ?? siteUrl(settings)).replace(/\/+$/, '');
	try {
		new URL(base);
	} catch {
		console.error(`alerts: --base ${base} is not a URL. Hint: the site's address, e.g. --base https://runbooks.example.com`);
		return 2;
	}

	// The runbooks, read as the build reads them.
	const contentDir = values.content ?? contentFolder();
	const collection = await readRunbookCollection(contentDir, contentDir, { maxFileBytes: maxFileBytes(settings) });
	if (collection.problems.length) {
		for (const problem of collection.problems) console.error(formatProblem(problem));
		console.error(`alerts: the runbooks in ${contentDir} have problems (see above); fix them first (${how.name('validate')})`);
		return 2;
	}
	const guides = existsSync('src/content/docs/guides')
		? readdirSync('src/content/docs/guides')
				.filter((f) => /\.mdx?$/.test(f))
				.map((f) => paths.guide(f.replace(/\.mdx?$/, '')))
		: [];
	const site = siteIndex(base, collection.entries, [...guides, paths.guide('schema')]);

	// The rule files: each file named, and every YAML file under each folder named.
	const YAML = /\.ya?ml$/i;
	function yamlFilesUnder(dir: string): string[] {
		return readdirSync(dir, { withFileTypes: true })
			.filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
			.flatMap((entry) =>
				entry.isDirectory() ? yamlFilesUnder(join(dir, entry.name)) : YAML.test(entry.name) ? [join(dir, entry.name)] : [],
			)
			.sort();
	}
	const problems: RuleProblem[] = [];
	const inputs: { file: string; named: boolean; root: string }[] = [];
	for (const given of positionals) {
		if (!existsSync(given)) {
			problems.push({ file: given, line: 0, message: 'no such file or folder' });
			continue;
		}
		if (statSync(given).isDirectory()) inputs.push(...yamlFilesUnder(given).map((file) => ({ file, named: false, root: given })));
		else inputs.push({ file: given, named: true, root: dirname(given) });
	}

	const started = performance.now();
	const results = [];
	const skipped: string[] = [];
	const ruleFiles: typeof inputs = [];
	const limit = maxFileBytes(settings);
	for (const input of inputs) {
		// A file too big to check in memory is refused before it is read; one that breaks the reader
		// anyway is named as a problem, never a stack trace (the other files are still checked).
		const big = tooBig(statSync(input.file).size, limit);
		if (big) {
			problems.push({ file: input.file, line: 0, message: `not read: ${big}` });
			continue;
		}
		let read: ReturnType<typeof readRuleFile>;
		try {
			read = readRuleFile(input.file, readFileSync(input.file, 'utf8'));
		} catch (error) {
			problems.push({ file: input.file, line: 0, message: `could not be read: ${(error as Error).message}` });
			continue;
		}
		// A folder may hold other YAML beside the rules (kustomization.yaml): skipped, not an error.
		if (!input.named && !read.isRuleFile && !read.problems.some((p) => p.message.startsWith('the YAML does not parse'))) {
			skipped.push(input.file);
			continue;
		}
		for (const problem of read.problems) problems.push(problem);
		if (read.isRuleFile) ruleFiles.push(input);
		// One by one: spreading 300,000 alerts into push() overflowed the stack.
		for (const alert of read.alerts) results.push(checkAlert(site, alert));
	}

	const report = {
		base,
		files: ruleFiles.length,
		results,
		problems,
		skipped,
		strict: values.strict,
		failed: failed(results, values.strict) || problems.length > 0,
	};

	if (values.rewrite) {
		// The rewritten files go to stdout (each after a comment naming it) or to --out-dir, never over the inputs.
		// Links that already arrive where they should (a step, the alert pattern) stay as written.
		const urlFor = (alert: { name: string; runbookUrl?: string }) => {
			const result = checkAlert(site, { file: '', line: 0, ...alert });
			return result.settled ? undefined : result.url;
		};
		const outDir = values['out-dir'];
		for (const input of ruleFiles) {
			const rewritten = rewriteRuleFile(input.file, readFileSync(input.file, 'utf8'), urlFor);
			for (const problem of rewritten.skipped) console.error(`alerts: ${problem.file}:${problem.line}: ${problem.message}`);
			if (outDir) {
				const target = join(outDir, relative(input.root, input.file));
				if (resolve(target) === resolve(input.file)) {
					console.error(`alerts: --out-dir would write over ${input.file}. Hint: give another folder`);
					return 2;
				}
				mkdirSync(dirname(target), { recursive: true });
				writeFileSync(target, rewritten.text);
				console.error(`alerts: wrote ${target} (${rewritten.changed.length} runbook_url set)`);
			} else {
				// One file prints as it is (to redirect into a file); several each after a comment naming it.
				const header = ruleFiles.length > 1 ? `# ${input.file} (${rewritten.changed.length} runbook_url set)\n` : '';
				process.stdout.write(`${header}${rewritten.text}`);
			}
		}
		console.error(`alerts: ${summary(report)}`);
	} else {
		process.stdout.write(formatReport(report, format));
		if (format === 'text') console.error(`alerts: checked in ${Math.round(performance.now() - started)} ms`);
	}
	// A rewrite is the fix, not the check: it fails only on files it could not read.
	return problems.length ? 2 : report.failed && !values.rewrite ? 1 : 0;
}
