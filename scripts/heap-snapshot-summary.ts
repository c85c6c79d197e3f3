/**
 * node --max-old-space-size=8192 scripts/heap-snapshot-summary.ts <a.heapsnapshot> [<b.heapsnapshot>]
 * What a build keeps alive: the self size of each kind of object (constructor name, or V8's type
 * for strings, arrays, code), and the objects that hold the most through the shortest path from
 * the roots (the tree a breadth-first walk gives, which is close to what DevTools calls retainers).
 * With two snapshots (a build at 1,000 runbooks and one at 2,000), the kinds are compared: what
 * grows with the collection. Snapshots of a build are a gigabyte or more, over V8's longest string,
 * so the file is read as a stream of bytes into typed arrays; nothing of it is JSON.parse'd whole.
 */
import { closeSync, openSync, readSync } from 'node:fs';

interface Snapshot {
	file: string;
	nodeFields: string[];
	edgeFields: string[];
	nodeTypes: string[];
	edgeTypes: string[];
	nodes: Uint32Array;
	edges: Uint32Array;
	strings: string[];
}

const CHUNK = 64 * 2 ** 20;

function read(file: string): Snapshot {
	const fd = openSync(file, 'r');
	const buffer = Buffer.alloc(CHUNK);
	let got = readSync(fd, buffer, 0, CHUNK, null);
	// The header (meta, counts) is small and comes first, up to "nodes".
	const head = buffer.toString('latin1', 0, Math.min(got, 2 ** 20));
	const nodesAt = head.indexOf('"nodes"');
	const meta = JSON.parse(`${head.slice(0, nodesAt).replace(/,\s*$/, '')}}`).snapshot as {
		meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]]; edge_types: [string[]] };
		node_count: number;
		edge_count: number;
	};
	const snapshot: Snapshot = {
		file,
		nodeFields: meta.meta.node_fields,
		edgeFields: meta.meta.edge_fields,
		nodeTypes: meta.meta.node_types[0],
		edgeTypes: meta.meta.edge_types[0],
		nodes: new Uint32Array(meta.node_count * meta.meta.node_fields.length),
		edges: new Uint32Array(meta.edge_count * meta.meta.edge_fields.length),
		strings: [],
	};
	// States: between arrays (reading keys), in an array of numbers (nodes, edges, or one skipped),
	// in the array of strings.
	let key = '';
	let inKey = false;
	let target: Uint32Array | undefined;
	let filled = 0;
	let depth = 0;
	let inNumbers = false;
	let number = -1;
	let inStrings = false;
	let inString = false;
	let escaped = false;
	let bytes: number[] = [];
	let pos = nodesAt;
	for (;;) {
		for (; pos < got; pos++) {
			const c = buffer[pos]!;
			if (inNumbers) {
				if (c >= 48 && c <= 57) number = (number < 0 ? 0 : number * 10) + c - 48;
				else {
					if (number >= 0) {
						if (target && depth === 1) target[filled++] = number;
						number = -1;
					}
					if (c === 91) depth++;
					else if (c === 93 && --depth === 0) inNumbers = false;
				}
			} else if (inStrings) {
				if (inString) {
					if (escaped) escaped = false;
					else if (c === 92) escaped = true;
					else if (c === 34) {
						inString = false;
						snapshot.strings.push(JSON.parse(`"${Buffer.from(bytes).toString('utf8')}"`) as string);
						bytes = [];
						continue;
					}
					bytes.push(c);
				} else if (c === 34) inString = true;
				else if (c === 93) inStrings = false;
			} else if (inKey) {
				if (c === 34) inKey = false;
				else key += String.fromCharCode(c);
			} else if (c === 34) {
				inKey = true;
				key = '';
			} else if (c === 91) {
				if (key === 'strings') inStrings = true;
				else {
					inNumbers = true;
					depth = 1;
					filled = 0;
					target = key === 'nodes' ? snapshot.nodes : key === 'edges' ? snapshot.edges : undefined;
				}
			}
		}
		got = readSync(fd, buffer, 0, CHUNK, null);
		pos = 0;
		if (!got) break;
	}
	closeSync(fd);
	return snapshot;
}

interface Summary {
	total: number;
	kinds: Map<string, { size: number; count: number }>;
}

/** The name a kind of object goes by: its constructor for objects and closures, V8's type for the rest. */
function kindOf(s: Snapshot, node: number): string {
	const f = s.nodeFields.length;
	const type = s.nodeTypes[s.nodes[node * f + s.nodeFields.indexOf('type')]!]!;
	const name = s.strings[s.nodes[node * f + s.nodeFields.indexOf('name')]!] ?? '';
	if (type === 'object' || type === 'native') return name.replace(/\s*\/.*$/, '').slice(0, 80) || `(${type})`;
	if (type === 'closure') return `(closure ${name.slice(0, 40)})`;
	return `(${type})`;
}

function summarise(s: Snapshot): Summary {
	const f = s.nodeFields.length;
	const self = s.nodeFields.indexOf('self_size');
	const kinds = new Map<string, { size: number; count: number }>();
	let total = 0;
	for (let node = 0; node < s.nodes.length / f; node++) {
		const size = s.nodes[node * f + self]!;
		total += size;
		const kind = kindOf(s, node);
		const k = kinds.get(kind) ?? { size: 0, count: 0 };
		k.size += size;
		k.count++;
		kinds.set(kind, k);
	}
	return { total, kinds };
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/**
 * The objects holding the most, each with what it holds through the shortest paths from the
 * roots: a breadth-first walk over every edge but weak ones gives each object one parent, and an
 * object's share is its own size and its children's. Printed as a tree of those holding ≥ `share`.
 */
function heavyTree(s: Snapshot, share: number): string[] {
	const f = s.nodeFields.length;
	const ef = s.edgeFields.length;
	const count = s.nodes.length / f;
	const edgeCount = s.nodeFields.indexOf('edge_count');
	const self = s.nodeFields.indexOf('self_size');
	const firstEdge = new Uint32Array(count + 1);
	for (let node = 0; node < count; node++) firstEdge[node + 1] = firstEdge[node]! + s.nodes[node * f + edgeCount]! * ef;
	const eType = s.edgeFields.indexOf('type');
	const eName = s.edgeFields.indexOf('name_or_index');
	const eTo = s.edgeFields.indexOf('to_node');
	const weak = s.edgeTypes.indexOf('weak');
	const parent = new Int32Array(count).fill(-1);
	const viaEdge = new Int32Array(count).fill(-1);
	const order = new Uint32Array(count);
	let head = 0;
	let tail = 0;
	order[tail++] = 0;
	parent[0] = 0;
	while (head < tail) {
		const node = order[head++]!;
		for (let e = firstEdge[node]!; e < firstEdge[node + 1]!; e += ef) {
			if (s.edges[e + eType] === weak) continue;
			const to = s.edges[e + eTo]! / f;
			if (parent[to] !== -1) continue;
			parent[to] = node;
			viaEdge[to] = e;
			order[tail++] = to;
		}
	}
	const held = new Float64Array(count);
	for (let i = tail - 1; i >= 0; i--) {
		const node = order[i]!;
		const own = held[node]! + s.nodes[node * f + self]!;
		held[node] = own;
		if (node) held[parent[node]!] = held[parent[node]!]! + own;
	}
	const children = new Map<number, number[]>();
	for (let i = 1; i < tail; i++) {
		const node = order[i]!;
		if (held[node]! < share * held[0]!) continue;
		const list = children.get(parent[node]!) ?? [];
		list.push(node);
		children.set(parent[node]!, list);
	}
	const edgeName = (e: number) => {
		const type = s.edgeTypes[s.edges[e + eType]!];
		const name = s.edges[e + eName]!;
		return type === 'element' || type === 'hidden' ? `[${name}]` : `.${s.strings[name]}`;
	};
	const lines: string[] = [];
	const walk = (node: number, indent: string) => {
		for (const child of (children.get(node) ?? []).sort((a, b) => held[b]! - held[a]!)) {
			lines.push(`${indent}${edgeName(viaEdge[child]!)} ${kindOf(s, child)}: ${mb(held[child]!)} MB`);
			if (indent.length < 80) walk(child, `${indent}  `);
		}
	};
	lines.push(`(roots): ${mb(held[0]!)} MB reachable`);
	walk(0, '  ');
	return lines;
}

/** The longest strings (a bundled module's source, a serialised store …), each by its start. */
function longestStrings(s: Snapshot, count: number): string[] {
	const f = s.nodeFields.length;
	const self = s.nodeFields.indexOf('self_size');
	const type = s.nodeFields.indexOf('type');
	const name = s.nodeFields.indexOf('name');
	const string = s.nodeTypes.indexOf('string');
	const found: [size: number, text: string][] = [];
	for (let node = 0; node < s.nodes.length / f; node++) {
		if (s.nodes[node * f + type] !== string) continue;
		found.push([s.nodes[node * f + self]!, s.strings[s.nodes[node * f + name]!] ?? '']);
		if (found.length > count * 4) found.sort((x, y) => y[0] - x[0]).splice(count);
	}
	return found
		.sort((x, y) => y[0] - x[0])
		.slice(0, count)
		.map(([size, text]) => `${mb(size)} MB: ${JSON.stringify(text.slice(0, 160))}`);
}

const [a, b] = process.argv.slice(2);
if (!a) {
	console.error('usage: node --max-old-space-size=8192 scripts/heap-snapshot-summary.ts <a.heapsnapshot> [<b.heapsnapshot>]');
	process.exit(2);
}
/** One snapshot read and reported: its total, what holds the most, its longest strings. */
function report(file: string): Summary {
	const snapshot = read(file);
	const summary = summarise(snapshot);
	console.log(
		`${file}: ${mb(summary.total)} MB in ${(snapshot.nodes.length / snapshot.nodeFields.length).toLocaleString('en-US')} objects\n`,
	);
	console.log(heavyTree(snapshot, 0.01).join('\n'));
	console.log(`\nThe longest strings:\n${longestStrings(snapshot, 8).join('\n')}`);
	return summary;
}

const one = report(a);
if (!b) {
	console.log('\n| kind | MB | objects |\n| --- | ---: | ---: |');
	for (const [kind, { size, count }] of [...one.kinds].sort((x, y) => y[1].size - x[1].size).slice(0, 40))
		console.log(`| ${kind} | ${mb(size)} | ${count} |`);
} else {
	console.log('');
	const two = report(b);
	console.log(
		'\n| kind | MB (first) | MB (second) | growth MB | objects (first) | objects (second) |\n| --- | ---: | ---: | ---: | ---: | ---: |',
	);
	const kinds = new Set([...one.kinds.keys(), ...two.kinds.keys()]);
	const rows = [...kinds].map((kind) => ({
		kind,
		x: one.kinds.get(kind) ?? { size: 0, count: 0 },
		y: two.kinds.get(kind) ?? { size: 0, count: 0 },
	}));
	for (const { kind, x, y } of rows.sort((p, q) => q.y.size - q.x.size - (p.y.size - p.x.size)).slice(0, 40))
		console.log(`| ${kind} | ${mb(x.size)} | ${mb(y.size)} | ${mb(y.size - x.size)} | ${x.count} | ${y.count} |`);
	console.log(`| all | ${mb(one.total)} | ${mb(two.total)} | ${mb(two.total - one.total)} | | |`);
}
