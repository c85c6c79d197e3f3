import { describe, expect, it } from 'vitest';
import { alertCounts, alertEntries, alertRoutes, alertTarget, findAlertRoute } from '../../../src/model/alerts.ts';

const runbook = (id: string, alerts: string[], system = 'Shop') => ({ id, title: id.replace(/-/g, ' '), system, alerts });

describe('alert pages', () => {
	const entries = alertEntries([
		runbook('checkout-latency', ['CheckoutLatencyHigh', 'CheckoutLatencyCritical']),
		runbook('pods-crash-looping', ['KubePodCrashLooping'], 'Platform'),
		runbook('checkout-pods', ['KubePodCrashLooping']),
		runbook('no-alerts', []),
	]);
	const routes = alertRoutes(entries);
	const param = (name: string) => findAlertRoute(routes, name)?.param;

	it('lists every alert once, by name whatever its case, with the runbooks that answer it by title', () => {
		expect(entries.map((e) => e.name)).toEqual(['CheckoutLatencyCritical', 'CheckoutLatencyHigh', 'KubePodCrashLooping']);
		expect(entries[2]!.runbooks.map((r) => r.id)).toEqual(['checkout-pods', 'pods-crash-looping']);
	});

	it('gives each alert a page as named and one in lowercase, landing on its runbook or offering a choice', () => {
		expect(routes.map((r) => r.param).sort()).toEqual([
			'CheckoutLatencyCritical',
			'CheckoutLatencyHigh',
			'KubePodCrashLooping',
			'checkoutlatencycritical',
			'checkoutlatencyhigh',
			'kubepodcrashlooping',
		]);
		expect(alertTarget(findAlertRoute(routes, 'checkoutlatencyhigh')!)).toBe('/runbooks/checkout-latency/');
		expect(alertTarget(findAlertRoute(routes, 'KubePodCrashLooping')!)).toBeUndefined();
		expect(param('kubepodcrashlooping')).toBe('kubepodcrashlooping');
		expect(param('KUBEPODCRASHLOOPING')).toBe('kubepodcrashlooping');
		expect(param('NoSuchAlert')).toBeUndefined();
	});

	it('lets a name written in lowercase keep its page, and offers both runbooks of names that differ only in case', () => {
		const mixed = alertRoutes(
			alertEntries([runbook('a', ['DiskFull']), runbook('b', ['diskfull']), runbook('c', ['QueueStuck']), runbook('d', ['QUEUESTUCK'])]),
		);
		// "diskfull" is a name as written: it is b's page, not a lowercase form of DiskFull.
		expect(mixed.filter((r) => r.param === 'diskfull').map((r) => r.runbooks.map((x) => x.id))).toEqual([['b']]);
		// QueueStuck and QUEUESTUCK share their lowercase form: it offers both.
		const shared = mixed.find((r) => r.param === 'queuestuck')!;
		expect(shared.names).toEqual(['QUEUESTUCK', 'QueueStuck']);
		expect(shared.runbooks.map((r) => r.id).sort()).toEqual(['c', 'd']);
		expect(new Set(mixed.map((r) => r.param)).size).toBe(mixed.length);
	});
});

describe('alerts on a site that lists systems', () => {
	const runbook = (id: string, system: string) => ({ id, title: id, system });
	const ALERTS = [
		{ name: 'DiskFull', runbooks: [runbook('disk-a', 'Storage'), runbook('disk-b', 'Payments')] },
		{ name: 'HighLatency', runbooks: [runbook('latency', 'Payments')] },
		{ name: 'NodeDown', runbooks: [runbook('node', 'Kubernetes')] },
	];
	it('are counted by system, an alert once for each system whose runbooks answer it', () => {
		expect(alertCounts(ALERTS)).toEqual([
			{ system: 'Kubernetes', count: 1 },
			{ system: 'Payments', count: 2 },
			{ system: 'Storage', count: 1 },
		]);
	});
});
