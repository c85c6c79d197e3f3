import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importChecklist, runbookToYaml } from '../../../src/import/index.ts';
import { proposeVariables } from '../../../src/import/variables.ts';
import { validateRunbookSource } from '../../../src/build/content/validate.ts';
import { SOURCE_CHECKLISTS } from '../../support/fixtures.ts';

const SOURCES = SOURCE_CHECKLISTS;

/** What each source asks a responder to replace, read from the documents (grep for the forms). */
const EXPECTED: Record<string, Record<string, { replaced: Record<string, number>; secret?: true }>> = {
	'productivity-platform-deployment-checklist.md': {
		// k8s secret creation (lines 111-115) and the migration job's --env (line 129).
		DATABASE_URL: { replaced: { 'database-url="postgresql://..."': 1, 'env="DATABASE_URL=..."': 1 }, secret: true },
		SECRET_KEY: { replaced: { 'secret-key="..."': 1 }, secret: true },
		OPENAI_API_KEY: { replaced: { 'openai-api-key="sk-..."': 1 }, secret: true },
		STRIPE_SECRET_KEY: { replaced: { 'stripe-secret-key="sk_live_..."': 1 }, secret: true },
		ORG: { replaced: { 'your-org': 2 } }, // ghcr.io/your-org/… lines 128 and 241
		DOMAIN: { replaced: { 'your-domain.com': 6 } }, // lines 156-158, 308, 341, 342
		// Line 215; the image tag `:previous-tag` on 241 is a bare word, which the source does not mark (issue 34).
		PREVIOUS_TAG: { replaced: { '<previous-tag>': 1 } },
		FRONTEND_POD: { replaced: { '<frontend-pod>': 1 } },
		REDIS_POD: { replaced: { '<redis-pod>': 2 } },
		DEVOPS_LEAD_CONTACT: { replaced: { '[Name] - [Email] - [Phone]': 1 } },
		BACKEND_LEAD_CONTACT: { replaced: { '[Name] - [Email] - [Phone]': 1 } },
		FRONTEND_LEAD_CONTACT: { replaced: { '[Name] - [Email] - [Phone]': 1 } },
		DATABASE_ADMIN_CONTACT: { replaced: { '[Name] - [Email] - [Phone]': 1 } },
		SECURITY_TEAM_CONTACT: { replaced: { '[Email] - [Phone]': 1 } },
		INCIDENT_MANAGEMENT: { replaced: { '[Tool/URL]': 1 } },
		TEAM_CHAT: { replaced: { '[Slack/Teams channel]': 1 } },
		ON_CALL_SCHEDULE: { replaced: { '[PagerDuty/Opsgenie]': 1 } },
	},
	'spatial-intel-deployment-checklist.md': {
		VERSION: { replaced: { 'v1.0.0': 2, '1.0.0': 1 } }, // git tag -a v1.0.0 -m "Production release 1.0.0"; git push
		REVISION: { replaced: { '<revision>': 1 } },
		BACKUP_FILE: { replaced: { 'backup_YYYYMMDD.sql': 1 } },
	},
	'twiga-scan-deployment-checklist.md': {
		VERSION: { replaced: { 'v1.0.0': 2 } }, // docker tag lines 117-118; the document's own "Version: v1.0.0" is not a placeholder
		DOMAIN: { replaced: { 'your-domain.com': 8 } },
		DEVOPS_LEAD_CONTACT: { replaced: { '[Contact Info]': 1 } },
		BACKEND_LEAD_CONTACT: { replaced: { '[Contact Info]': 1 } },
		FRONTEND_LEAD_CONTACT: { replaced: { '[Contact Info]': 1 } },
		DATABASE_ADMIN_CONTACT: { replaced: { '[Contact Info]': 1 } },
		ORG: { replaced: { 'your-org': 1 } }, // sentry.io/organizations/your-org/
	},
	// The report names its backup files "yogaflow_backup_YYYYMMDD_HHMMSS.sql.gz" in prose: a
	// naming rule, not a value to fill in.
	'yogaflow-batch6-launch-report.md': {},
	'yogaflow-deployment-checklist.md': {
		VERSION: { replaced: { 'v1.0.0': 4, '1.0.0': 1 } }, // tag, push, docker build, the tag message; the health check's "version":"1.0.0"
		DIST_ID: { replaced: { YOUR_DIST_ID: 1 } },
		BUCKET_NAME: { replaced: { 'your-bucket-name': 1 } },
		DOMAIN: { replaced: { 'yourdomain.com': 5 } },
		PREVIOUS_VERSION: { replaced: { 'v1.0.0-previous': 2 } },
		ON_CALL_ENGINEER_CONTACT: { replaced: { '[Name/Contact]': 1 } },
		DATABASE_ADMIN_CONTACT: { replaced: { '[Name/Contact]': 1 } },
		DEVOPS_LEAD_CONTACT: { replaced: { '[Name/Contact]': 1 } },
		PRODUCT_MANAGER_CONTACT: { replaced: { '[Name/Contact]': 1 } },
		MONITORING_DASHBOARD: { replaced: { '[Sentry/Grafana URL]': 1 } },
		STATUS_PAGE: { replaced: { '[Status page URL]': 1 } },
	},
};

/**
 * Values written into commands as they were on one run, made variables as `npm run lint:runbooks
 * -- --fix` writes them (read in the sources): spatial-intel's rollback `git checkout v0.9.0`;
 * twiga-scan's rollback `docker-compose.prod-v0.9.0.yml` and `backup_pre_deploy_20231120.sql`.
 */
const LITERALS: Record<string, string[]> = {
	'spatial-intel-deployment-checklist.md': ['"0.9.0" in commands → {{PREVIOUS_VERSION}}'],
	'twiga-scan-deployment-checklist.md': ['"0.9.0" in commands → {{PREVIOUS_VERSION}}', '"20231120" in commands → {{BACKUP_DATE}}'],
};

const PLACEHOLDER_FORMS =
	/your-?domain\.com|YOUR_[A-Z]|your-(org|bucket)|<(previous-tag|frontend-pod|redis-pod|revision)>|\[(Name|Contact Info|Email|Tool\/URL)|backup_YYYYMMDD\.sql|="(\.\.\.|sk-\.\.\.)"/;

for (const [file, expected] of Object.entries(EXPECTED)) {
	describe(`variables proposed for ${file}`, () => {
		const markdown = readFileSync(`${SOURCES}/${file}`, 'utf8');

		it('proposes the placeholders a responder must replace, and nothing else', () => {
			const plain = importChecklist(markdown, { id: 'source', variables: false }).runbook;
			const proposals = proposeVariables(plain);
			const got = Object.fromEntries(
				proposals.map((p) => [
					p.variable.name,
					{ replaced: Object.fromEntries(p.replaced), ...(p.variable.secret ? { secret: true } : {}) },
				]),
			);
			expect(got).toEqual(expected);
		});

		it('leaves no placeholder form in steps, commands, contacts or links, and writes a valid runbook', () => {
			const result = importChecklist(markdown, { id: 'source' });
			const yaml = runbookToYaml(result.runbook);
			const body = yaml.slice(yaml.indexOf('\nsections:'));
			expect(body).not.toMatch(PLACEHOLDER_FORMS);
			const literals = LITERALS[file] ?? [];
			const literalNames = literals.map((l) => /\{\{(\w+)\}\}/.exec(l)![1]!);
			expect(result.runbook.variables?.map((v) => v.name) ?? []).toEqual([...Object.keys(expected), ...literalNames]);
			const proposed = result.proposals.filter((p) => p.startsWith('variable '));
			expect(proposed).toHaveLength(Object.keys(expected).length + literals.length);
			expect(proposed.slice(Object.keys(expected).length).map((p) => p.replace(/^variable \w+: /, ''))).toEqual(literals);
			expect(body).not.toMatch(/v0\.9\.0|20231120/);
			const data = { ...result.runbook, version: '1.0.0', lastReviewed: '2026-01-01' };
			const checked = validateRunbookSource(`${JSON.stringify(data)}`, 'content/runbooks/source.yaml');
			expect(checked.ok && checked.warnings).toEqual([]);
		});
	});
}

describe('variables proposed for a checklist nobody here has seen', () => {
	const markdown = [
		'# Billing deploy',
		'## Deploy',
		'- [ ] Export the token',
		'  ```bash',
		'  export API_TOKEN=YOUR_API_TOKEN',
		'  helm upgrade billing ./chart --set image.tag={{ .Values.tag }} --set host=billing.your-domain.com',
		'  echo "${{ secrets.DEPLOY_KEY }}" > /dev/null',
		'  cat <<EOF > notes.txt',
		'  psql < dump_YYYYMMDD_HHMMSS.sql',
		'  ```',
		'- [ ] Tell <b>everyone</b> in the [release channel](https://chat.example.org)',
		'- [ ] Roll out 1.0.0.1 and 11.0.0, not placeholders',
	].join('\n');
	const result = importChecklist(markdown, { id: 'billing' });
	const code = result.runbook.sections[0]!.steps![0]!.commands![0]!.code;

	it('declares a YOUR_ token as secret, and the domain and the dated file with their patterns', () => {
		expect(result.runbook.variables).toEqual([
			{
				name: 'FILE',
				label: 'File',
				description: "The file's name follows dump_YYYYMMDD_HHMMSS.sql.",
				example: 'dump_20250131_093000.sql',
				pattern: 'dump_\\d{8}_\\d{6}\\.sql',
			},
			expect.objectContaining({ name: 'DOMAIN', example: 'example.com' }),
			{ name: 'API_TOKEN', label: 'API token', secret: true },
		]);
		expect(code).toContain('export API_TOKEN={{API_TOKEN}}');
		expect(code).toContain('host=billing.{{DOMAIN}}');
		expect(code).toContain('psql < {{FILE}}');
	});

	it('leaves templates, heredocs, HTML and real versions alone', () => {
		expect(code).toContain('image.tag={{ .Values.tag }}');
		expect(code).toContain('"${{ secrets.DEPLOY_KEY }}"');
		expect(code).toContain('cat <<EOF > notes.txt');
		expect(result.runbook.sections[0]!.steps![1]!.text).toBe('Tell <b>everyone</b> in the [release channel](https://chat.example.org)');
		expect(result.runbook.sections[0]!.steps![2]!.text).toBe('Roll out 1.0.0.1 and 11.0.0, not placeholders');
	});

	it('can keep the placeholders as written', () => {
		const kept = importChecklist(markdown, { id: 'billing', variables: false });
		expect(kept.runbook.variables).toBeUndefined();
		expect(kept.runbook.sections[0]!.steps![0]!.commands![0]!.code).toContain('YOUR_API_TOKEN');
	});
});
