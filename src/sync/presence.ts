/**
 * Presence (Yjs awareness) is relayed to everyone in a room as the sender wrote it. The live run's
 * page sends `{ by, step }`: the responder's initials and the step they are at. The server passes
 * on that and nothing else, cleaned as the page cleans typed initials (letters and digits, at most
 * four, upper case: src/model/progress/run-names.ts, which a unit test compares with this), so a
 * client cannot hand the others a large or odd state.
 */

export interface Presence {
	by: string;
	step: string;
}

const STEP = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function cleanPresence(state: unknown): Presence {
	const { by, step } = (typeof state === 'object' && state !== null ? state : {}) as Record<string, unknown>;
	return {
		by:
			typeof by === 'string'
				? by
						.replace(/[^\p{L}\p{N}]/gu, '')
						.slice(0, 4)
						.toUpperCase()
				: '',
		step: typeof step === 'string' && step.length <= 100 && STEP.test(step) ? step : '',
	};
}
