import { describe, expect, it } from 'vitest';
import { newRun } from '../../../../src/model/progress/run.ts';
import { RunSession } from '../../../../src/client/run/session.ts';
import { clock, mapStore } from '../../../support/map-store.ts';

describe('the run session: one owner of the run on a page', () => {
	it('records a tick with the time and the initials, saves it, and tells every view', () => {
		const store = mapStore();
		store.set('runsheet:operator', 'JM');
		const session = new RunSession('payments', store, clock());
		session.load();
		const seen: string[] = [];
		session.subscribe(() => seen.push(`a:${session.state.get('deploy')?.status ?? '-'}`));
		session.subscribe(() => seen.push(`b:${session.state.get('deploy')?.by ?? '-'}`));

		expect(session.record([{ step: 'deploy', action: 'tick' }])).toBe('ok');
		expect(seen).toEqual(['a:done', 'b:JM']);
		expect([...store.data.keys()].filter((k) => k.startsWith('runsheet:run:payments:'))).toHaveLength(1);
	});

	it('loses nothing between page loads: another session on the same storage reads the same steps', () => {
		const store = mapStore();
		const first = new RunSession('payments', store, clock());
		first.load();
		first.record([{ step: 'deploy', action: 'tick' }]);
		first.record([{ step: 'smoke', action: 'na', reason: 'no traffic yet' }]);

		const second = new RunSession('payments', store, clock());
		second.load();
		expect(second.state.get('deploy')?.status).toBe('done');
		expect(second.state.get('smoke')).toMatchObject({ status: 'na', reason: 'no traffic yet' });
		// Another runbook's runs are its own.
		const other = new RunSession('search', store, clock());
		other.load();
		expect(other.state.size).toBe(0);
	});

	it('opens the run it was asked for, and the run switched to is the one the next page load opens', () => {
		const store = mapStore();
		const session = new RunSession('payments', store, clock());
		session.load();
		session.record([{ step: 'deploy', action: 'tick' }]);
		const incident = newRun('inc-2291', 'INC-2291', 1);
		session.keep(incident);
		session.switchTo('inc-2291');
		session.record([{ step: 'rollback', action: 'tick' }]);

		const next = new RunSession('payments', store, clock());
		next.load();
		expect(next.run.name).toBe('INC-2291');
		expect([...next.state.keys()]).toEqual(['rollback']);
		next.load('default');
		expect([...next.state.keys()]).toEqual(['deploy']);
		expect(
			next
				.all()
				.map((r) => r.id)
				.sort(),
		).toEqual(['default', 'inc-2291']);
	});

	it('shows a shared run read-only over the current one, and goes back to it', () => {
		const session = new RunSession('payments', mapStore(), clock());
		session.load();
		session.record([{ step: 'deploy', action: 'tick' }]);
		const shared = { ...newRun('shared', 'From Ana', 1), events: [{ t: 2, step: 'smoke', action: 'tick' as const }] };

		session.show(shared);
		expect([...session.state.keys()]).toEqual(['smoke']);
		expect(session.shown).toBe(shared);
		session.show(undefined);
		expect([...session.state.keys()]).toEqual(['deploy']);
	});

	it('keeps a tick on screen when storage is full, and says the save failed', () => {
		const session = new RunSession('payments', mapStore(new Map(), true), clock());
		session.load();
		expect(session.record([{ step: 'deploy', action: 'tick' }])).toBe('quota');
		expect(session.state.get('deploy')?.status).toBe('done');
	});

	it('moves an unreadable saved run aside, says so, and starts from the default run', () => {
		const store = mapStore();
		store.set('runsheet:run:payments:default', '{not json');
		const session = new RunSession('payments', store, clock());
		const problem = session.load();
		expect(problem).toMatch(/could not be read/);
		expect(session.run.id).toBe('default');
		const aside = [...store.data.keys()].filter((k) => k.startsWith('runsheet:aside:'));
		expect(aside).toHaveLength(1);
		expect(store.get(aside[0]!)).toBe('{not json');
	});
});
