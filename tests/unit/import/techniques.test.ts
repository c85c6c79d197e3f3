import { describe, expect, it } from 'vitest';
import { techniquesOf } from '../../../src/import/techniques.ts';

const of = (...code: string[]) => techniquesOf(code.map((c) => ({ lang: 'bash', code: c })));

describe('techniques read from commands', () => {
	it('recognises the common rollback commands', () => {
		expect(of('kubectl rollout undo deployment/api -n prod')).toEqual(['kubectl-rollout']);
		expect(of('helm rollback api 41')).toEqual(['helm-rollback']);
		expect(of('docker compose -f prod.yml up -d')).toEqual(['docker-compose']);
		expect(of('kubectl set image deployment/api api=registry/api:1.4.2')).toEqual(['image-redeploy']);
		expect(of('git switch --detach v1.4.2')).toEqual(['git-checkout']);
		expect(of('npx knex migrate:rollback', 'bundle exec rails db:rollback')).toEqual(['migration-downgrade']);
		expect(of('pg_restore -d app backup.dump')).toEqual(['database-restore']);
		expect(of('mysql -u root app < dump.sql')).toEqual(['database-restore']);
		expect(of('sudo systemctl restart api')).toEqual(['service-restart']);
		expect(of('aws s3 sync ./dist s3://bucket')).toEqual(['static-assets']);
	});
	it('ignores comments, look-alikes and commands that only inspect', () => {
		expect(of('# kubectl rollout undo deployment/api')).toEqual([]);
		expect(of('kubectl rollout status deployment/api')).toEqual([]);
		expect(of('docker-compose exec backend alembic upgrade head')).toEqual([]);
		expect(of('docker-compose logs -f')).toEqual([]);
		expect(of('psql -c "select 1"')).toEqual([]);
		expect(of('git status')).toEqual([]);
	});
	it('lists several techniques in the vocabulary order, each once', () => {
		expect(of('alembic downgrade -1\ngit checkout v1\nalembic downgrade -1')).toEqual(['git-checkout', 'migration-downgrade']);
	});
});
