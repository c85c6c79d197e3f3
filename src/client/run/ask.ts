/**
 * Questions asked in the page, never in the browser's own prompt(), confirm() or alert() boxes
 * (which block the page, cannot be styled or read back in the page's words, and which some
 * browsers offer to silence): one modal <dialog> with a labelled form. Focus moves into it and back
 * to where it was (or to `back`), Esc cancels, Enter answers; what the reader types is checked as
 * they answer, the dialog staying open with the reason until it is right. Loaded on first use
 * (loaders.ts, run-actions.ts): a page nobody asks anything costs nothing.
 */
export interface Question {
	/** What is asked: the dialog's name. */
	title: string;
	/** More words, read with the title. */
	text?: string;
	/** The field's label; without one, the question is answered by its buttons alone. */
	label?: string;
	value?: string;
	maxLength?: number;
	/** A value to copy (a link): shown selected, read-only. */
	readOnly?: boolean;
	/** The answering button ("Save", "Delete"). */
	ok: string;
	/** The button that cancels ("Cancel", "Skip"); none when there is nothing to cancel. */
	cancel?: string;
	/** Why a value is not right, or undefined when it is. */
	check?: (value: string) => string | undefined;
	/** Where the focus goes afterwards, when not back where it was (a menu item, hidden once chosen). */
	back?: HTMLElement | null | undefined;
}

let dialog: HTMLDialogElement | undefined;

function build(): HTMLDialogElement {
	const d = document.createElement('dialog');
	d.className = 'rs-ask not-content';
	d.dataset.ask = '';
	d.setAttribute('aria-labelledby', 'rs-ask-title');
	d.setAttribute('aria-describedby', 'rs-ask-text');
	// Built from constant markup; every word asked goes in as text (a run's name is the reader's).
	d.innerHTML = `<form method="dialog" novalidate>
<h2 id="rs-ask-title"></h2>
<p id="rs-ask-text"></p>
<label for="rs-ask-field"></label>
<input id="rs-ask-field" type="text" autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="rs-ask-message">
<p id="rs-ask-message" class="rs-ask-message"></p>
<div class="rs-ask-buttons"><button type="submit" class="rs-button rs-primary" value="ok"></button><button type="button" class="rs-button" value="cancel"></button></div>
</form>`;
	document.body.append(d);
	return d;
}

/** The question being asked: another waits for its answer (a link's question at load, a first tick's). */
let turn: Promise<unknown> = Promise.resolve();

/** Asks `q`: the value given (trimmed; '' for a question without a field), or null when cancelled. */
export function ask(q: Question): Promise<string | null> {
	const answered = turn.then(() => show(q));
	turn = answered;
	return answered;
}

function show(q: Question): Promise<string | null> {
	const d = (dialog ??= build());
	const $ = <T extends HTMLElement>(sel: string) => d.querySelector<T>(sel)!;
	const form = $<HTMLFormElement>('form');
	const field = $<HTMLInputElement>('input');
	const message = $('#rs-ask-message');
	const [okButton, cancelButton] = d.querySelectorAll<HTMLButtonElement>('.rs-ask-buttons button');
	$('#rs-ask-title').textContent = q.title;
	$('#rs-ask-text').textContent = q.text ?? '';
	$('#rs-ask-text').hidden = !q.text;
	$('label').textContent = q.label ?? '';
	$('label').hidden = field.hidden = !q.label;
	field.value = q.value ?? '';
	field.readOnly = Boolean(q.readOnly);
	if (q.maxLength) field.maxLength = q.maxLength;
	else field.removeAttribute('maxlength');
	field.removeAttribute('aria-invalid');
	message.textContent = '';
	okButton!.textContent = q.ok;
	cancelButton!.textContent = q.cancel ?? '';
	cancelButton!.hidden = !q.cancel;

	const from = q.back ?? (document.activeElement as HTMLElement | null);
	return new Promise((resolve) => {
		const done = (answer: string | null) => {
			form.removeEventListener('submit', submit);
			cancelButton!.removeEventListener('click', cancel);
			d.removeEventListener('cancel', escape);
			if (d.open) d.close();
			// Back where the reader was, without scrolling away from it.
			if (from?.isConnected) from.focus({ preventScroll: true });
			resolve(answer);
		};
		const submit = (event: SubmitEvent) => {
			event.preventDefault();
			if (!q.label) return done('');
			const value = field.value.trim();
			const wrong = q.check?.(value);
			if (!wrong) return done(value);
			message.textContent = wrong;
			field.setAttribute('aria-invalid', 'true');
			field.focus();
		};
		const cancel = () => done(null);
		// Esc: the dialog's own cancel, which would close it without saying so.
		const escape = (event: Event) => {
			event.preventDefault();
			done(null);
		};
		form.addEventListener('submit', submit);
		cancelButton!.addEventListener('click', cancel);
		d.addEventListener('cancel', escape);
		d.showModal();
		if (q.label) {
			field.focus();
			field.select();
		} else okButton!.focus();
	});
}

/** A question answered yes or no. */
export const confirmed = async (q: Omit<Question, 'label' | 'value' | 'check'>) => (await ask(q)) !== null;
