/** What `runsheet --help` and `runsheet <verb> --help` print. */

export const VERBS = ['init', 'dev', 'build', 'preview', 'validate', 'lint', 'links', 'alerts', 'import'] as const;
export type Verb = (typeof VERBS)[number];

export function isVerb(word: string): word is Verb {
	return (VERBS as readonly string[]).includes(word);
}

export const HELP = `runsheet: runbooks you can follow, print, roll back and link, built into a static site.

usage: runsheet <verb> [folder] [options]

  init [dir]              write a starter: runbooks/example.yaml, runsheet.config.yaml,
                          GitHub Pages and GitLab Pages workflows, .gitignore lines
  dev [folder]            live preview while you edit, on http://127.0.0.1:4321
  build [folder]          build the site into dist/ (--out), search index included
  preview [folder]        serve the built site
  validate [folder]       check every runbook as the build reads it, without building
  lint [folder or files]  find stale literals, empty rollback steps, missing triggers (--fix)
  links [folder] <id>     print the URL of every section and step of a runbook
  alerts <rule files>     check alerting rules' runbook_url against the runbooks
  import <file or folder> turn Markdown runbooks into YAML runbooks

The folder is any tree of YAML and Markdown runbooks: runbooks/ unless named.
The settings are in runsheet.config.yaml, here or beside the folder (--config names another).

examples:
  npx runsheet init
  npx runsheet dev runbooks/
  npx runsheet build runbooks/ --out dist --base /ops
  npx runsheet validate runbooks/
  npx runsheet links runbooks/ payments-deploy --base https://runbooks.example.com
  npx runsheet alerts monitoring/rules/ --runbooks runbooks/ --base https://runbooks.example.com

runsheet <verb> --help says more about one verb. runsheet --version prints the version.
`;

const ASTRO_OPTIONS = `  --out <dir>       where the site is written (default dist)
  --base </path>    the path the site is served under, e.g. /ops for https://acme.github.io/ops/
  --site <url>      the site's address, for absolute links (alerts, the JSON catalog)
  --config <file>   the config file, if not runsheet.config.yaml here or beside the folder`;

export const VERB_HELP: Record<Verb, string> = {
	init: `usage: runsheet init [dir]

Writes a starter into dir (default: the current folder):
  runbooks/example.yaml             one example runbook
  runsheet.config.yaml              the settings, every key explained
  .github/workflows/runsheet.yml    GitHub Actions: build and publish on GitHub Pages
  .gitlab-ci.yml                    GitLab CI: build and publish on GitLab Pages
  .gitignore                        dist/ and .runsheet/ (added to an existing one)
Refuses, writing nothing, when any of them (but .gitignore) exists already.

example:
  npx runsheet init && npx runsheet build runbooks/
`,
	dev: `usage: runsheet dev [folder] [options]

A live preview of the runbooks in folder (default runbooks/): a page changes as you save its file.

${ASTRO_OPTIONS}
  --port <n>        the port (default 4321)
  --host <name>     the address to listen on (default 127.0.0.1)

example:
  npx runsheet dev runbooks/
`,
	build: `usage: runsheet build [folder] [options]

Builds the site of the runbooks in folder (default runbooks/) into dist/: plain static files any
web server or bucket hosts. Astro's work files go into .runsheet/.

${ASTRO_OPTIONS}

examples:
  npx runsheet build runbooks/
  npx runsheet build runbooks/ --out public --base /ops --site https://acme.gitlab.io
`,
	preview: `usage: runsheet preview [folder] [options]

Serves the site built by runsheet build (dist/, or --out), as it will be published.

${ASTRO_OPTIONS}
  --port <n>        the port (default 4321)
  --host <name>     the address to listen on (default 127.0.0.1)

example:
  npx runsheet build runbooks/ --base /ops && npx runsheet preview runbooks/ --base /ops
`,
	validate: `usage: runsheet validate [folder]

Checks every runbook in folder (default runbooks/) as the build reads it, without building:
file:line: field: problem. Hint: fix, for each problem. Exit 1 when there is one.

example:
  npx runsheet validate runbooks/
`,
	lint: `usage: runsheet lint [folders or files] [options]

Checks runbooks against the rules good checklists follow: literal dates and versions in commands,
rollback steps that say nothing, procedures without a trigger, destructive commands without a
warning, reviews overdue. Severities come from lint.rules in the config.

  --format text|json|sarif   sarif for GitHub code scanning
  --fix                      write literal dates, versions and hosts as variables (YAML files)
  --max-warnings <n>         fail on more warnings than n
  --today YYYY-MM-DD         the day reviews are due against (default today)

Exit 1 on an error or too many warnings, 2 on a runbook that is not valid.

examples:
  npx runsheet lint runbooks/
  npx runsheet lint runbooks/ --format sarif > lint.sarif
`,
	links: `usage: runsheet links [folder] <runbook-id> [options]

Prints the URL of every section and step of a runbook in folder (default runbooks/), to paste
into an alert rule, a status page or a ticket. The id is the one in the runbook's address,
/runbooks/<id>/.

  --base <url>                     the site's address (default RUNSHEET_SITE, or http://localhost:4321)
  --format text|markdown|json

example:
  npx runsheet links runbooks/ payments-deploy --base https://runbooks.example.com
`,
	alerts: `usage: runsheet alerts <rule files or folders> [options]

Checks alerting rules (Prometheus, PrometheusRule) against the runbooks: for every alert, whether
its runbook_url arrives, is broken or is missing, and the address to use, /alerts/<name>/.

  --runbooks <folder>              the runbooks (default runbooks/)
  --base <url>                     the site's address (default RUNSHEET_SITE)
  --format text|json|markdown
  --strict                         an alert without a runbook fails too
  --rewrite [--out-dir <dir>]      print the rule files with runbook_url set (inputs never edited)

Exit 1 when a runbook_url into the site is broken, 2 when a file cannot be read.

example:
  npx runsheet alerts monitoring/rules/ --runbooks runbooks/ --base https://runbooks.example.com
`,
	import: `usage: runsheet import <file.md or folder> [options]

Turns Markdown runbooks into YAML runbooks (Markdown in the runbooks folder is also read as it is,
at every build: importing is for making YAML the source).

  --out-dir <folder>      where a folder's runbooks go (default runbooks/), in a sub-folder of its name
  --out <file.yaml>       where one file's runbook goes (default: printed)
  --fresh                 do not keep the ids of an earlier import
  --keep-placeholders     leave $NAMESPACE, <pod-name> … as written instead of making them variables
  --report [--format text|json]   how well a folder's import went, per document
  --pin                   write {#id} after the headings and steps of Markdown runbooks, in place,
                          so that rewording them keeps links and progress

examples:
  npx runsheet import ../wiki/runbooks --out-dir runbooks
  npx runsheet import --pin runbooks/
`,
};
