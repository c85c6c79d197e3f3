import { z } from 'astro/zod';

/**
 * How a rollback is done. The finder filters on these, and Pagefind carries their labels, so
 * the list is closed: a typo would split a filter in two. Add a technique here (id and label)
 * when a team rolls back some other way; the importer's command patterns live in
 * src/import/techniques.ts.
 */
export const TECHNIQUES = {
	'docker-compose': 'Docker Compose redeploy',
	'kubectl-rollout': 'kubectl rollout undo',
	'helm-rollback': 'Helm rollback',
	'image-redeploy': 'Redeploy the previous image',
	'git-checkout': 'Check out the previous version',
	'migration-downgrade': 'Migration downgrade',
	'database-restore': 'Restore a database backup',
	'service-restart': 'Restart a service',
	'frontend-rebuild': 'Rebuild the frontend',
	'static-assets': 'Redeploy static assets',
	'feature-flag': 'Turn off a feature flag',
	'traffic-switch': 'Switch traffic back',
} as const;

export type Technique = keyof typeof TECHNIQUES;
export const TECHNIQUE_IDS = Object.keys(TECHNIQUES) as Technique[];

export const techniqueSchema = z.enum(TECHNIQUE_IDS as [Technique, ...Technique[]], {
	error: (issue) =>
		`${JSON.stringify(issue.input)} is not a rollback technique. Hint: use one of ${TECHNIQUE_IDS.join(', ')} (or add it to src/schema/techniques.ts)`,
});

export const techniquesSchema = z
	.array(techniqueSchema)
	.optional()
	.describe('Rollback techniques this step or section uses; the rollback finder filters on them');

export function techniqueLabel(technique: Technique): string {
	return TECHNIQUES[technique];
}
