import type { Command } from '../schema/command.ts';
import type { Technique } from '../schema/techniques.ts';

/**
 * Commands that give a rollback technique away. Only commands are read, not prose: "Verify
 * rollback" says nothing about how, `kubectl rollout undo` says exactly. Each pattern is one
 * command line; comments are ignored so "# or restore from backup" does not count.
 */
const PATTERNS: [Technique, RegExp][] = [
	['docker-compose', /\bdocker[- ]compose\b.*\b(?:down|up|restart|pull|stop)\b/],
	['kubectl-rollout', /\bkubectl\s+rollout\s+undo\b/],
	['helm-rollback', /\bhelm\s+rollback\b/],
	['image-redeploy', /\bkubectl\s+set\s+image\b|\bdocker\s+(?:pull|run)\b|\baws\s+ecs\s+update-service\b/],
	['git-checkout', /\bgit\s+(?:checkout|switch|revert)\b|\bgit\s+reset\s+--hard\b/],
	[
		'migration-downgrade',
		/\balembic\s+downgrade\b|\bflyway\s+undo\b|\b(?:db|migrate):rollback\b|\bmigrate\s+down\b|\bprisma\s+migrate\s+resolve\b/,
	],
	['database-restore', /\bpg_restore\b|\bmongorestore\b|\b(?:psql|mysql)\b.*\s<\s*\S+/],
	['service-restart', /\bsystemctl\s+(?:restart|start|reload)\b|\bservice\s+\S+\s+restart\b|\bpm2\s+(?:restart|reload)\b/],
	['frontend-rebuild', /\b(?:npm|pnpm|yarn)\s+(?:run\s+)?build\b/],
	['static-assets', /\baws\s+s3\s+sync\b|\bcloudfront\s+create-invalidation\b|\brsync\b.*\b(?:dist|build|public)\b/],
];

/** The techniques a set of commands uses, in the vocabulary's order. */
export function techniquesOf(commands: readonly Command[]): Technique[] {
	const lines = commands
		.flatMap((command) => command.code.split('\n'))
		.map((line) => line.replace(/(^|\s)#.*$/, '').trim())
		.filter(Boolean);
	return PATTERNS.filter(([, pattern]) => lines.some((line) => pattern.test(line))).map(([technique]) => technique);
}
