import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../../src/model/json-pieces.ts';

const whole = (head: Record<string, unknown>, key: string, items: unknown[], itemOf: (item: unknown) => unknown) =>
	JSON.stringify({ ...head, [key]: items.map(itemOf) });

describe('an object with a long list, as JSON a piece at a time', () => {
	it('joins to what JSON.stringify gives for the whole object', () => {
		const head = { $schema: 'https://x.test/catalog.schema.json', site: 'https://x.test', built: '2026-12-07T00:00:00.000Z' };
		const items = [{ id: 'a', title: 'Quote " and \\ and \u2028' }, { id: 'b', steps: [1, 2], missing: undefined }, 'text', 3];
		const itemOf = (item: unknown) => item;
		expect([...jsonPieces(head, 'runbooks', items, itemOf)].join('')).toBe(whole(head, 'runbooks', items, itemOf));
	});

	it('with no item, no other field, and an item with no JSON form', () => {
		expect([...jsonPieces({ site: 's' }, 'runbooks', [], (x) => x)].join('')).toBe('{"site":"s","runbooks":[]}');
		expect([...jsonPieces({}, 'runbooks', [1], (x) => x)].join('')).toBe(whole({}, 'runbooks', [1], (x) => x));
		expect([...jsonPieces({ a: 1 }, 'list', [1, 2], () => undefined)].join('')).toBe(whole({ a: 1 }, 'list', [1, 2], () => undefined));
	});

	it('makes each item only when its piece is asked for', () => {
		const made: number[] = [];
		const pieces = jsonPieces({ a: 1 }, 'list', [1, 2, 3], (n) => (made.push(n), n));
		pieces.next();
		pieces.next();
		expect(made).toEqual([1]);
	});
});
