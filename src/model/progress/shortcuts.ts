/** The keyboard shortcuts of a runbook page, as listed to the reader (handled in src/client/run/keyboard.ts). */
export const SHORTCUTS: [key: string, does: string][] = [
	['j / k', 'next / previous step'],
	['x', 'tick or untick the step'],
	['a', 'mark the step not applicable'],
	['n', 'jump to the next open step'],
	['u', 'undo, while a message offers it'],
	['Esc', 'leave a value field, back to the steps'],
	['?', 'show these shortcuts'],
];
