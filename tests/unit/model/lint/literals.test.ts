import { describe, expect, it } from 'vitest';
import { findLiterals, patternFor, proposeName, writeAsVariable } from '../../../../src/model/lint/literals.ts';

const values = (code: string) => findLiterals(code).map((l) => `${l.kind}:${l.value}`);

describe('literal values in commands', () => {
	it('finds the dates, versions and hosts a past run wrote in', () => {
		expect(values('psql -U postgres -d twiga_scan < backup_pre_deploy_20231120.sql')).toEqual(['date:20231120']);
		expect(values('docker-compose -f docker-compose.prod-v0.9.0.yml up -d')).toEqual(['version:0.9.0']);
		expect(values('aws s3 cp s3://bucket/dump-2025-01-31.sql.gz .')).toEqual(['date:2025-01-31']);
		expect(values('tar czf logs-20250131_0930.tgz /var/log')).toEqual(['date:20250131_0930']);
		expect(values('helm upgrade app ./chart --version 2.4.1-rc.1')).toEqual(['version:2.4.1-rc.1']);
		expect(values('ssh deploy@db1.payments.internal')).toEqual(['host:db1.payments.internal']);
		expect(values('curl https://api.shop.example.io/health')).toEqual(['host:api.shop.example.io']);
		expect(values('psql -h 10.20.30.40 -U app')).toEqual(['host:10.20.30.40']);
	});

	it('leaves alone what a command names by design', () => {
		for (const code of [
			'curl http://127.0.0.1:8080/health && curl http://localhost/ready',
			'docker pull ghcr.io/acme/api:latest && git clone https://github.com/acme/api',
			'kubectl get prometheusrules.monitoring.coreos.com -A',
			'kubectl get ingresses.networking.k8s.io',
			'cp .env.dev .env && python3 manage.py migrate',
			'curl https://{{DOMAIN}}/health && git checkout v{{VERSION}}',
			'echo 3.14 && sleep 1.5 && listen 0.0.0.0:80',
			'pip install -r requirements.txt && cat /etc/app/config.io',
			'grep 20231399 numbers.txt', // not a calendar date
		])
			expect(values(code), code).toEqual([]);
	});

	it('names the variable from what is around it', () => {
		expect(proposeName({ kind: 'date', value: '20231120' }, { text: 'pg_restore backup_20231120.sql', rollback: true })).toBe(
			'BACKUP_DATE',
		);
		expect(proposeName({ kind: 'date', value: '2025-01-31' }, { text: 'grep 2025-01-31 app.log', rollback: false })).toBe('DATE');
		expect(proposeName({ kind: 'version', value: '0.9.0' }, { text: 'git checkout v0.9.0', rollback: true })).toBe('PREVIOUS_VERSION');
		expect(proposeName({ kind: 'version', value: '1.2.3' }, { text: 'helm upgrade --version 1.2.3', rollback: false })).toBe('VERSION');
		expect(proposeName({ kind: 'host', value: 'db1.payments.internal' }, { text: '', rollback: false })).toBe('DB1_HOST');
		expect(proposeName({ kind: 'host', value: 'www.shop.com' }, { text: '', rollback: false })).toBe('HOST');
		expect(proposeName({ kind: 'host', value: '10.0.0.5' }, { text: '', rollback: false })).toBe('HOST_IP');
		expect(patternFor({ kind: 'date', value: '20231120' })).toBe('\\d{8}');
		expect(new RegExp(`^${patternFor({ kind: 'version', value: '0.9.0' })}$`).test('1.10.2')).toBe(true);
	});

	it('writes every occurrence of the value as the variable, keeping a tag’s v', () => {
		expect(writeAsVariable('git checkout v0.9.0 && echo 0.9.0 && echo 10.9.0', '0.9.0', 'PREVIOUS_VERSION')).toEqual({
			code: 'git checkout v{{PREVIOUS_VERSION}} && echo {{PREVIOUS_VERSION}} && echo 10.9.0',
			count: 2,
		});
	});
});
