import type { Section } from '../schema/section.ts';
import type { Step } from '../schema/step.ts';

/**
 * Expected results proposed from what checklists already write: a comment in the command block
 * (`# Expected: 82+ tests passing`, `# Target: 80%+ coverage`, `# Should return: 200 OK`,
 * `# All services should show "Up"`), a bullet under the step ("Should see the login page") or a
 * parenthesis in its text ("Monitor error rates (should be < 0.1%)"). The comment leaves the
 * command (it is not something to run); the step says it as `expect:`, beside the box and on the
 * sheet.
 */

const LABELLED = /^(?:expected(?: result| output)?|expect|target|should (?:return|see|show|print|output|be)|returns?|output)\s*:\s*(.+)$/i;
const SHOULD = /^(.*?)\bshould (return|see|show|print|output|be|have|contain|report)\b\s*(.+)$/i;

/** A subject that only points back at the command: "It should print …", "The output should show …". */
const POINTER = String.raw`(?:it|this|that|the (?:output|command|result))`;
const PRONOUN = new RegExp(`^${POINTER}$`, 'i');
/** A bullet that states an expectation: "Should return …", "Expected: …", "It should print …". */
const EXPECTATION_BULLET = new RegExp(`^(?:${POINTER}\\s+)?(?:should|expected|expect)\\b`, 'i');

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Output shown as it prints (JSON, a bare token such as PONG) goes in code; words stay words. */
function asMarkdown(value: string): string {
	const text = value.trim().replace(/[.;]$/, '');
	const literal = /^[[{]/.test(text) || /^[A-Z0-9_]{2,}$/.test(text);
	return literal && !text.includes('`') ? `\`${text}\`` : capital(text);
}

/** The expectation a comment's or a bullet's words state, or undefined when they state none. */
export function expectationIn(words: string): string | undefined {
	const text = words.trim();
	const labelled = LABELLED.exec(text);
	if (labelled) return asMarkdown(labelled[1]!);
	const should = SHOULD.exec(text);
	if (!should) return undefined;
	const [, subject = '', verb = '', rest = ''] = should;
	const who = subject.trim();
	// "Should return no results", "It should print `done`": what is returned is the expectation.
	if (!who || PRONOUN.test(who)) return asMarkdown(rest);
	const plural = /s$/i.test(who) && !/ss$/i.test(who);
	const stated = verb.toLowerCase() === 'be' ? (plural ? 'are' : 'is') : plural ? verb : `${verb}s`;
	return capital(`${who} ${stated} ${rest}`.replace(/\s+/g, ' '));
}

const COMMENT = /^\s*(?:#|\/\/|--)\s*(.+?)\s*$/;

/** A command's code without its expectation comments, and what they expected. */
export function takeExpectations(code: string): { code: string; expected: string[] } {
	const expected: string[] = [];
	const kept = code.split('\n').filter((line) => {
		const comment = COMMENT.exec(line);
		const found = comment && !line.trim().startsWith('#!') ? expectationIn(comment[1]!) : undefined;
		if (found) expected.push(found);
		return !found;
	});
	return { code: kept.join('\n').trim(), expected };
}

const PARENTHESIS = /\s*\((should [^()]+)\)\s*$/i;

/** `expect` placed after the commands (or the text), where a reader of the YAML looks for it. */
function withExpect(step: Step, expect: string): Step {
	const out: Record<string, unknown> = {};
	const after = step.commands ? 'commands' : 'text';
	for (const [key, value] of Object.entries(step)) {
		out[key] = value;
		if (key === after) out.expect = expect;
	}
	return out as Step;
}

function expectStep(step: Step): Step {
	let next: Step = { ...step };
	if (next.steps) next.steps = next.steps.map(expectStep);
	if (next.alternatives)
		next.alternatives = next.alternatives.map((alt) => (alt.steps ? { ...alt, steps: alt.steps.map(expectStep) } : alt));
	if (next.expect) return next;
	const expected: string[] = [];
	if (next.commands) {
		next.commands = next.commands.map((command) => {
			const taken = takeExpectations(command.code);
			if (!taken.expected.length || !taken.code) return command;
			expected.push(...taken.expected);
			return { ...command, code: taken.code };
		});
	}
	if (next.details) {
		const details = next.details.filter((detail) => {
			const found = EXPECTATION_BULLET.test(detail.trim()) ? expectationIn(detail) : undefined;
			if (found) expected.push(found);
			return !found;
		});
		if (details.length) next.details = details;
		else delete next.details;
	}
	const parenthesis = PARENTHESIS.exec(next.text);
	if (parenthesis) {
		const found = expectationIn(parenthesis[1]!);
		if (found) {
			expected.push(found);
			next.text = next.text.slice(0, parenthesis.index);
		}
	}
	if (expected.length) next = withExpect(next, expected.join('; '));
	return next;
}

/** Every step whose source states what confirms it, with `expect:` set. */
export function proposeExpectations(sections: Section[]): Section[] {
	return sections.map((section) => ({
		...section,
		...(section.steps ? { steps: section.steps.map(expectStep) } : {}),
		...(section.sections ? { sections: proposeExpectations(section.sections) } : {}),
	}));
}
