/**
 * links <runbook-id> [--base https://runbooks.example.com] [--format text|markdown|json] [--content <runbooks folder>]
 * Prints the URL of every section and step of a runbook, ready to paste into an alert rule, a
 * status page template or a ticket. Reads the runbooks as the build does (src/build/content/):
 * YAML in any sub-folder and Markdown read through the importer; no build needed.
 */
import { parseArgs } from 'node:util';
import { readRunbookCollection } from '../build/content/collection.ts';
import { contentFolder } from '../build/content/content-folder.ts';
import { formatProblem, runbookIdFromFile } from '../build/content/validate.ts';
import { filesUnder } from '../build/content/walk.ts';
import { sectionLinks } from '../model/links.ts';
import { absolute, paths } from '../model/paths.ts';
import { rollbackContent } from '../model/rollback.ts';
import { maxFileBytes } from '../schema/settings.ts';
import { settings } from '../settings.ts';
import { siteUrl } from '../build/site-url.ts';
import { NPM, type Invocation } from './invocation.ts';
import { linksOptions } from './options.ts';

export async function links(argv: string[], how: Invocation = NPM): Promise<number> {
	const usage = `usage: ${how.usage('links', '<runbook-id> [--base <site URL>] [--format text|markdown|json] [--content <runbooks folder>]')}`;
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { ...linksOptions, base: { type: 'string', default: siteUrl(settings) } },
	});
	const id = positionals[0];
	if (values.help || !id || positionals.length > 1 || !['text', 'markdown', 'json'].includes(values.format!)) {
		console.error(usage);
		return values.help ? 0 : 2;
	}

	const folder = (values.content ?? contentFolder()).replace(/\/+$/, '');
	try {
		filesUnder(folder);
	} catch {
		console.error(`links: folder ${folder} not found. Hint: name the runbooks' folder with --content`);
		return 1;
	}
	const collection = await readRunbookCollection(folder, folder, { maxFileBytes: maxFileBytes(settings) });
	const entry = collection.entries.find((e) => e.id === id);
	if (!entry) {
		// A YAML file of that name that is not valid: what is wrong with it.
		const own = collection.problems.filter((p) => /\.ya?ml$/i.test(p.file) && runbookIdFromFile(p.file) === id);
		for (const problem of own) console.error(formatProblem(problem));
		if (!own.length) {
			const others = new Set(collection.problems.map((p) => p.file)).size;
			console.error(
				`links: no runbook "${id}" in ${folder}/. Hint: the id is the one in its address, /runbooks/<id>/: a YAML file's name, a Markdown file's pinned id or its name's words${others ? `; ${others} files have problems and were left out (${how.name('validate')})` : ''}`,
			);
		}
		return 1;
	}
	const runbook = entry.data;

	const base = values.base!;
	const at = (path: string) => absolute(base, path);
	const rows: { kind: string; label: string; url: string }[] = [
		{ kind: 'runbook', label: runbook.title, url: at(paths.runbook(id)) },
		...(rollbackContent(runbook.sections) ? [{ kind: 'rollback', label: `Roll back ${runbook.system}`, url: at(paths.rollback(id)) }] : []),
		{ kind: 'signoff', label: 'Sign-off sheet', url: at(paths.signoff(id)) },
	];
	for (const section of sectionLinks(id, runbook.sections)) {
		rows.push({ kind: 'section', label: section.title, url: at(section.path) });
		for (const step of section.steps) {
			rows.push({ kind: 'step', label: `${section.title} › ${step.text}`, url: at(step.path) });
			if (step.rollbackPath)
				rows.push({ kind: 'rollback-step', label: `${section.title} › ${step.text} (rollback page)`, url: at(step.rollbackPath) });
		}
	}

	if (values.format === 'json') console.log(JSON.stringify(rows, null, 2));
	else if (values.format === 'markdown') for (const row of rows) console.log(`- [${row.label.replace(/[[\]]/g, '\\$&')}](${row.url})`);
	else for (const row of rows) console.log(`${row.url}\t${row.label}`);
	return 0;
}
