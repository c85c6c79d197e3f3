import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../../src/schema/json-schema.ts';

type Node = { properties?: Record<string, Node>; anyOf?: Node[] };

/** Every key a config may hold, as written in the docs: `title`, `logo.src` (objects' keys, not a list's). */
function keys(node: Node, prefix = ''): string[] {
	const inner = node.properties ?? node.anyOf?.find((option) => option.properties)?.properties;
	if (!inner) return [prefix];
	return Object.entries(inner).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('docs/config.md', () => {
	it('has a row for every key of the config file', () => {
		const table = readFileSync('docs/config.md', 'utf8').split('## The config file: every key')[1]!.split('\n## ')[0]!;
		const documented = [...table.matchAll(/^\| `([\w.]+)`/gm)].map((match) => match[1]);
		const schemaKeys = keys(configJsonSchema() as Node);
		expect(schemaKeys).toContain('logo.src');
		expect(documented.sort()).toEqual(schemaKeys.sort());
	});
});
