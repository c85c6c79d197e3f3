import type { Section } from '../schema/section.ts';
import type { Step } from '../schema/step.ts';
import type { Timing } from '../model/clock.ts';

/**
 * Due times proposed from the wording of monitoring checks: "Hour 4" is due 4 h after the
 * deployment, "Week 1" a week after, "Daily" every day. Only the label itself counts (a heading,
 * or a step's bold lead-in before its colon), so "Check the hourly graphs" proposes nothing.
 */
export function proposeTiming(label: string): Timing | undefined {
	const text = label
		.replace(/\*\*|__/g, '')
		.split(':')[0]!
		.trim()
		.toLowerCase();
	const at = /^(hour|day|week|month)\s+(\d+)$/.exec(text);
	if (at) {
		const n = Number(at[2]);
		if (!n) return undefined;
		return { due: at[1] === 'hour' ? `${n}h` : at[1] === 'day' ? `${n}d` : at[1] === 'week' ? `${n}w` : `${30 * n}d` };
	}
	const every = { daily: '1d', 'every day': '1d', weekly: '1w', 'every week': '1w', monthly: '30d', 'every month': '30d', hourly: '1h' }[
		text
	];
	return every ? { every } : undefined;
}

/** The object with `due`/`every` placed right after `after` (the title or text), for readable YAML. */
function withTiming<T extends object>(item: T, after: string, timing: Timing | undefined): T {
	if (!timing || 'due' in item || 'every' in item) return item;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(item)) {
		out[key] = value;
		if (key === after) Object.assign(out, timing);
	}
	return (after in item ? out : { ...out, ...timing }) as T;
}

function timeSteps(steps: Step[] | undefined): Step[] | undefined {
	return steps?.map((step) => {
		const timed = withTiming(step, 'text', proposeTiming(step.text));
		return step.steps ? { ...timed, steps: timeSteps(step.steps)! } : timed;
	});
}

/** Every section and step whose label names a time after the deployment, with that time. */
export function proposeTimings(sections: Section[]): Section[] {
	return sections.map((section) => {
		const timed = withTiming(section, 'kind', proposeTiming(section.title));
		return {
			...timed,
			...(section.steps ? { steps: timeSteps(section.steps)! } : {}),
			...(section.sections ? { sections: proposeTimings(section.sections) } : {}),
		};
	});
}
