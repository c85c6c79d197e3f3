import { describe, expect, it } from 'vitest';
import { newRun } from '../../../../src/model/progress/run.ts';
import { nextOpen, toggleTick, undo, type Target } from '../../../../src/client/run/commands.ts';
import { naQuestion, toggleNa } from '../../../../src/client/run/na.ts';
import { RunSession } from '../../../../src/client/run/session.ts';
import { clock, mapStore } from '../../../support/map-store.ts';

/**
 * The run page's commands against a real run session over a Map store: a page of five counted
 * steps, three of them the sub-steps of a group whose box ticks them all.
 */
const COUNTED = ['build', 'env-a', 'env-b', 'env-c', 'deploy'];
const build: Target = { id: 'build', text: 'Build the image', leaves: [] };
const deploy: Target = { id: 'deploy', text: 'Deploy', leaves: [] };
const env: Target = { id: 'env', text: 'Set the environment', leaves: ['env-a', 'env-b', 'env-c'] };

const start = (store = mapStore()) => {
	store.set('runsheet:operator', 'JM');
	const session = new RunSession('payments', store, clock());
	session.load();
	return session;
};
/** What another page load reads from the same store. */
const reread = (session: RunSession) => {
	const next = new RunSession('payments', session.store, clock());
	next.load();
	return next.state;
};
const noQuestion = () => {
	throw new Error('asked a question it should not have');
};

describe('the run page’s commands', () => {
	it('ticks a step with the time and the initials, saves it, says the count; the same box unticks it', () => {
		const session = start();
		const ticked = toggleTick(session, COUNTED, build);
		expect(ticked).toEqual({ saved: 'ok', announce: 'Done: Build the image. 1/5 done.' });
		expect(reread(session).get('build')).toMatchObject({ status: 'done', by: 'JM' });

		expect(toggleTick(session, COUNTED, build)).toEqual({ saved: 'ok', announce: 'Unticked: Build the image. 0/5 done.' });
		expect(reread(session).has('build')).toBe(false);
	});

	it('a group’s box ticks the sub-steps still open, offers an Undo that puts back exactly what was, and unticks all once all are done', () => {
		const session = start();
		toggleTick(session, COUNTED, { id: 'env-b', text: 'B', leaves: [] });
		const ticked = toggleTick(session, COUNTED, env)!;
		expect(ticked.announce).toBe('Done: Set the environment. 3/5 done.');
		// Two steps changed (env-b was done already): those two are what the Undo clears.
		expect(ticked.undoable).toEqual({
			message: 'Done: Set the environment: 2 steps changed.',
			back: [
				{ step: 'env-a', action: 'clear' },
				{ step: 'env-c', action: 'clear' },
			],
		});

		const undone = undo(session, COUNTED, ticked.undoable!.back);
		expect(undone).toEqual({ saved: 'ok', announce: 'Undone. 1/5 done.' });
		expect([...reread(session).keys()]).toEqual(['env-b']);

		toggleTick(session, COUNTED, env);
		const unticked = toggleTick(session, COUNTED, env)!;
		expect(unticked.announce).toBe('Unticked: Set the environment. 0/5 done.');
		expect(unticked.undoable?.message).toBe('Unticked: Set the environment: 3 steps changed.');
		expect(reread(session).size).toBe(0);
	});

	it('N/A asks why, keeps the reason (trimmed, at most 200 characters), and clears without asking when the step is N/A already', () => {
		const session = start();
		const questions: string[] = [];
		const marked = toggleNa(session, COUNTED, deploy, (question) => (questions.push(question), '  no CDN here  '));
		expect(questions).toEqual(['Why does “Deploy” not apply? (optional)']);
		expect(marked).toEqual({ saved: 'ok', announce: 'Not applicable: Deploy. 0/5 done · 1 N/A.' });
		expect(reread(session).get('deploy')).toMatchObject({ status: 'na', reason: 'no CDN here', by: 'JM' });

		expect(toggleNa(session, COUNTED, deploy, noQuestion)).toEqual({ saved: 'ok', announce: 'Not applicable cleared: Deploy. 0/5 done.' });
		expect(reread(session).has('deploy')).toBe(false);

		toggleNa(session, COUNTED, build, () => 'x'.repeat(300));
		expect(reread(session).get('build')?.reason).toHaveLength(200);
		// No reason given: none recorded.
		toggleNa(session, COUNTED, deploy, () => '   ');
		expect(reread(session).get('deploy')).toMatchObject({ status: 'na' });
		expect(reread(session).get('deploy')).not.toHaveProperty('reason');
	});

	it('what N/A asks is known before asking (the page asks in its own dialog): nothing once every step it marks is N/A', () => {
		const session = start();
		expect(naQuestion(session, env)).toBe('Why does “Set the environment” not apply? (optional)');
		toggleNa(session, COUNTED, { id: 'env-a', text: 'A', leaves: [] }, () => '');
		expect(naQuestion(session, env)).toBe('Why does “Set the environment” not apply? (optional)');
		toggleNa(session, COUNTED, env, () => '');
		expect(naQuestion(session, env)).toBeUndefined();
		expect(naQuestion(session, { id: 'env-b', text: 'B', leaves: [] })).toBeUndefined();
	});

	it('N/A cancelled records nothing', () => {
		const session = start();
		expect(toggleNa(session, COUNTED, deploy, () => null)).toBeUndefined();
		expect(session.run.events).toEqual([]);
		expect(session.store.keys('runsheet:run:')).toEqual([]);
	});

	it('an Undo of a group puts back an N/A with its reason and a tick as they were', () => {
		const session = start();
		toggleNa(session, COUNTED, { id: 'env-a', text: 'A', leaves: [] }, () => 'not on staging');
		toggleTick(session, COUNTED, { id: 'env-b', text: 'B', leaves: [] });
		const cleared = toggleNa(session, COUNTED, env, () => 'no env file')!;
		// env-a was N/A already: the group's N/A changes env-b and env-c.
		expect(cleared.undoable?.back).toEqual([
			{ step: 'env-b', action: 'tick' },
			{ step: 'env-c', action: 'clear' },
		]);
		undo(session, COUNTED, cleared.undoable!.back);
		const state = reread(session);
		expect(state.get('env-a')).toMatchObject({ status: 'na', reason: 'not on staging' });
		expect(state.get('env-b')?.status).toBe('done');
		expect(state.has('env-c')).toBe(false);
	});

	it('changes nothing while a shared run is on view, and asks nothing', () => {
		const session = start();
		session.show({ ...newRun('shared', 'From Ana', 1), events: [{ t: 2, step: 'build', action: 'tick' }] });
		expect(toggleTick(session, COUNTED, deploy)).toBeUndefined();
		expect(toggleNa(session, COUNTED, deploy, noQuestion)).toBeUndefined();
		expect(undo(session, COUNTED, [{ step: 'build', action: 'clear' }])).toBeUndefined();
		expect(session.run.events).toEqual([]);
	});

	it('when storage is full the tick stays on screen and the outcome says it was not saved', () => {
		const session = start(mapStore(new Map(), true));
		expect(toggleTick(session, COUNTED, build)).toMatchObject({ saved: 'quota', announce: 'Done: Build the image. 1/5 done.' });
		expect(session.state.get('build')?.status).toBe('done');
	});

	it('the next open step is the first counted one neither done nor N/A, none when all are', () => {
		const session = start();
		expect(nextOpen(session, COUNTED)).toBe('build');
		toggleTick(session, COUNTED, build);
		toggleNa(session, COUNTED, { id: 'env-a', text: 'A', leaves: [] }, () => '');
		expect(nextOpen(session, COUNTED)).toBe('env-b');
		toggleTick(session, COUNTED, env);
		toggleTick(session, COUNTED, deploy);
		expect(nextOpen(session, COUNTED)).toBeUndefined();
	});
});
