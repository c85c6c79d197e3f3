/**
 * Keeps a typed value to one line of text: a value is data, never a second command line. A
 * module of its own so the runbook page's start-up code gets this alone, not the template code.
 */
export function cleanValue(input: string): string {
	return (
		input
			// Control characters are exactly what this removes.
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f]+/g, ' ')
			.trim()
			.slice(0, 500)
	);
}
