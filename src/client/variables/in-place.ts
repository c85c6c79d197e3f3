/**
 * A value asked for where it is used: tapping a blank `{{NAME}}` in a command (or a step) opens a
 * small field right under that command, so the reader never leaves their place for the values
 * panel at the top of the page. The field stands for the panel's own: what is typed goes to the
 * panel's field as typed, which saves it and fills every use on the page (page-events.ts,
 * values-panel.ts), and the panel's word on the value (not valid, expected like …) shows here.
 * Enter, Esc or "Done" closes it and gives the focus back to the step (`back`), without scrolling.
 * Part of the values panel's code (values-panel.ts), which the first tap on a blank loads.
 */
let open: (() => void) | undefined;

export function fillInPlace(blank: HTMLElement, source: HTMLInputElement, back: HTMLElement | undefined): void {
	// A shared run on view is read-only: its fields are disabled (values-panel.ts).
	if (source.disabled) return;
	open?.();
	const name = blank.dataset.var!;
	const panelField = source.closest<HTMLElement>('[data-var-field]')!;
	const panelMessage = panelField.querySelector<HTMLElement>('[data-var-message]')!;
	const place = document.createElement('div');
	place.className = 'rs-var-inplace not-content';
	place.dataset.varInplace = name;
	place.setAttribute('role', 'group');
	place.setAttribute('aria-labelledby', 'rs-inplace-label');
	// Constant markup; the label's words and the value go in as text.
	place.innerHTML = `<label id="rs-inplace-label" for="rs-inplace-field"></label>
<div class="rs-var-inplace-row"><input id="rs-inplace-field" autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="rs-inplace-message"><button type="button" class="rs-button rs-primary">Done</button></div>
<p id="rs-inplace-message" class="rs-var-msg"></p>`;
	const label = place.querySelector('label')!;
	const field = place.querySelector('input')!;
	const message = place.querySelector('p')!;
	label.textContent = `Value for this run: ${panelField.querySelector('label')?.textContent?.trim() ?? name}`;
	field.type = source.type;
	field.value = source.value;
	field.placeholder = source.placeholder;

	// Under the command block, else under the step's row, else under what holds the blank.
	const anchor = blank.closest('.expressive-code') ?? blank.closest('.rs-step-row') ?? blank.closest('p, li, td, div') ?? blank;
	anchor.after(place);

	const mirror = () => {
		message.textContent = panelMessage.textContent;
		field.setAttribute('aria-invalid', source.getAttribute('aria-invalid') ?? 'false');
	};
	mirror();
	const watch = new MutationObserver(mirror);
	watch.observe(panelMessage, { childList: true, characterData: true, subtree: true });
	watch.observe(source, { attributes: true, attributeFilter: ['aria-invalid'] });

	field.addEventListener('input', () => {
		source.value = field.value;
		source.dispatchEvent(new Event('input', { bubbles: true }));
	});
	const close = (focusBack: boolean) => {
		if (open !== shut) return;
		open = undefined;
		watch.disconnect();
		place.remove();
		if (focusBack) back?.focus({ preventScroll: true });
	};
	const shut = () => close(false);
	open = shut;
	field.addEventListener('keydown', (event) => {
		if (event.key !== 'Enter' && event.key !== 'Escape') return;
		// Handled here: the page's keys (keyboard.ts) would leave the field for the next open step.
		event.preventDefault();
		close(true);
	});
	place.querySelector('button')!.addEventListener('click', () => close(true));
	// A tap elsewhere (the copy button, another step) leaves the value as typed and the field closes.
	place.addEventListener('focusout', (event) => {
		if (!place.contains(event.relatedTarget as Node | null)) close(false);
	});
	field.focus({ preventScroll: true });
	place.scrollIntoView({ block: 'nearest' });
}
