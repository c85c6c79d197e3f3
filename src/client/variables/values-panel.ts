import { templateReferences } from '../../schema/template.ts';
import { cleanValue } from '../../model/variables.ts';
import type { RunSession } from '../run/session.ts';
import { fillValues, resolve, ruleFrom, type VariableRule } from './fill.ts';
import { fillInPlace } from './in-place.ts';

export interface ValuesView {
	/** A field was typed in. */
	input(field: HTMLInputElement): void;
	/** A copy button of a command with variables was pressed. */
	copied(button: HTMLElement): void;
	/** A blank was tapped: its field, right there (in-place.ts), standing for `field`, the panel's. */
	inPlace: typeof fillInPlace;
}

/**
 * The "Values for this run" panel: shows the current run's values in their fields, with their
 * state, and fills every placeholder, command and link on the page as the user types (the page
 * itself saves ordinary values). Secret values live only here, in memory, per run: never in
 * storage, exports or share links. Loaded when a value is in use (see progress-page.ts): a page
 * nobody has filled in is already right as built.
 */
export function startValues(root: HTMLElement, session: RunSession, say: (text: string) => void): ValuesView {
	const panel = root.querySelector<HTMLDetailsElement>('[data-vars]')!;
	const inputs = [...panel.querySelectorAll<HTMLInputElement>('[data-var-input]')];
	const rules = new Map<string, VariableRule>(
		inputs.map((input) => [input.dataset.varInput!, ruleFrom(input.dataset.varInput!, input.dataset)]),
	);
	const count = panel.querySelector<HTMLElement>('[data-vars-count]')!;
	const secrets = new Map<string, Map<string, string>>();

	const given = (name: string) => {
		const run = session.shown;
		return rules.get(name)?.secret ? secrets.get(run.id)?.get(name) : run.values?.[name];
	};

	/** The run the fields were last filled from: a new one replaces what is in them (not the field
	 * being typed in when this code arrives: that is the run on screen). */
	let shownRun = session.shown.id;
	const show = () => {
		const { id } = session.shown;
		const readonly = Boolean(session.snapshot);
		const switched = id !== shownRun;
		shownRun = id;
		let unset = 0;
		let invalid = 0;
		let filled = 0;
		for (const input of inputs) {
			const rule = rules.get(input.dataset.varInput!)!;
			const own = given(rule.name) ?? '';
			// While someone types, the field is theirs, unless another run was opened.
			if ((switched || input !== document.activeElement) && input.value !== own) input.value = own;
			input.disabled = readonly;
			const { state } = resolve(rule, own);
			// A shell variable left empty is not missing: the shell fills it in.
			if (state === 'unset' && !rule.shell) unset++;
			if (state === 'invalid') invalid++;
			if (state !== 'unset') filled++;
			input.setAttribute('aria-invalid', String(state === 'invalid'));
			input.closest<HTMLElement>('[data-var-field]')!.dataset.state = state;
			// A value that typing could not give (from a link, a file, storage written elsewhere) is not used at all (fill.ts).
			input.parentElement!.querySelector('[data-var-message]')!.textContent =
				state !== 'invalid'
					? ''
					: own !== cleanValue(own)
						? `This value holds a line break or a control character, which would add to a copied command: commands keep {{${rule.name}}} until it is typed again.`
						: `This does not look right${rule.example ? ` (expected something like ${rule.example})` : ''}. Commands use it as typed: check it.`;
		}
		const required = inputs.filter((i) => !rules.get(i.dataset.varInput!)!.shell).length;
		count.textContent = unset
			? `${unset} of ${required} not set`
			: invalid
				? `${invalid} to check`
				: required || filled
					? 'all set'
					: 'optional';
		panel.dataset.state = unset ? 'unset' : invalid ? 'invalid' : 'ok';
		fillValues(root, rules, given, true);
	};

	const input = (field: HTMLInputElement) => {
		const rule = rules.get(field.dataset.varInput ?? '');
		const run = session.shown;
		if (!rule || session.snapshot) return show();
		// The page has saved an ordinary value already (progress-page.ts); a secret stays here.
		if (rule.secret) {
			const value = cleanValue(field.value);
			const mine = secrets.get(run.id) ?? new Map<string, string>();
			if (value) mine.set(rule.name, value);
			else mine.delete(rule.name);
			secrets.set(run.id, mine);
		}
		show();
	};

	// Expressive Code's button copies the filled command (data-code); this says what is missing.
	const copied = (button: HTMLElement) => {
		const references = templateReferences(button.dataset.rsTemplate!);
		const names = (shell: boolean, state: string) => [
			...new Set(
				references
					.filter((r) => r.shell === shell && resolve(rules.get(r.name), given(r.name)).state === state)
					.map((r) => (shell ? r.unset : `{{${r.name}}}`)),
			),
		];
		const unset = names(false, 'unset');
		const invalid = [...names(false, 'invalid'), ...names(true, 'invalid')];
		const fromShell = names(true, 'unset');
		if (unset.length) {
			say(
				`Copied, but not ready: ${unset.join(', ')} ${unset.length > 1 ? 'are' : 'is'} not set, so the command still says so. Tap ${unset.length > 1 ? 'them' : 'it'} in the command to fill ${unset.length > 1 ? 'them' : 'it'} in there, or under “Values for this run”.`,
			);
			panel.open = true;
		} else if (invalid.length) {
			say(`Copied, but check ${invalid.join(', ')}: ${invalid.length > 1 ? 'they do' : 'it does'} not look right.`);
		} else if (fromShell.length) {
			say(
				`Copied with ${fromShell.join(', ')} as written: your shell fills ${fromShell.length > 1 ? 'them' : 'it'} in, or set ${fromShell.length > 1 ? 'them' : 'it'} under “Values for this run”.`,
			);
		}
	};

	// A secret typed before this code arrived is in its field only (the page saves no secret):
	// taken as the run's before the first drawing empties the fields that hold no saved value.
	for (const field of inputs) if (field.value && rules.get(field.dataset.varInput!)?.secret) input(field);
	// Drawn again whenever the run changes: another run opened, a value saved, a share link shown.
	session.subscribe(show);
	show();
	return { input, copied, inPlace: fillInPlace };
}
