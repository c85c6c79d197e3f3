/**
 * node scripts/cpu-profile-summary.ts <dir-of-.cpuprofile-files>
 * Where a build's time goes, by package: run a build with `node --cpu-prof --cpu-prof-dir=prof
 * node_modules/astro/bin/astro.mjs build` (e.g. in a site kept by `npm run bench -- --keep`),
 * then summarise the self time of each package, the garbage collector and idle time.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
}

const dir = process.argv[2];
if (!dir) {
	console.error('usage: node scripts/cpu-profile-summary.ts <dir with .cpuprofile files>');
	process.exit(2);
}
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
	const profile = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const byGroup = new Map<string, number>();
	let total = 0;
	profile.samples.forEach((id, i) => {
		const { functionName, url } = nodes.get(id)!.callFrame;
		const delta = profile.timeDeltas[i] ?? 0;
		total += delta;
		const special = ['(garbage collector)', '(idle)', '(program)'].includes(functionName) ? functionName : undefined;
		const group =
			special ??
			/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
			(url ? `project: ${url.split('/').slice(-2).join('/')}` : '(native)');
		byGroup.set(group, (byGroup.get(group) ?? 0) + delta);
	});
	console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
	for (const [group, time] of [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
		console.log(`${(time / 1e6).toFixed(1).padStart(7)} s ${((100 * time) / total).toFixed(1).padStart(5)} %  ${group}`);
	}
}
