/**
 * Just enough of Hocuspocus's message format to tell which messages can grow a room: a message is
 * the room's name (a length-prefixed string), the message type, and for a sync message its step.
 * Only a sync step 2 or an update carries document content; awareness, queries and the rest do
 * not, so a room at its size limit still shows who is here.
 */

const SYNC = 0;
const SYNC_REPLY = 4;
const STEP_2 = 1;
const UPDATE = 2;

/** lib0's variable-length unsigned integer, from `at`: [value, next position], or undefined. */
function readVarUint(bytes: Uint8Array, at: number): [number, number] | undefined {
	let value = 0;
	for (let shift = 0; at < bytes.length && shift < 35; shift += 7) {
		const byte = bytes[at++]!;
		value += (byte & 0x7f) * 2 ** shift;
		if (byte < 0x80) return [value, at];
	}
	return undefined;
}

/** Whether a message from a client may add content to its room (unreadable ones are left to the server to refuse). */
export function carriesContent(message: Uint8Array): boolean {
	const name = readVarUint(message, 0);
	if (!name) return false;
	const type = readVarUint(message, name[1] + name[0]);
	if (!type || (type[0] !== SYNC && type[0] !== SYNC_REPLY)) return false;
	const step = readVarUint(message, type[1]);
	return step !== undefined && (step[0] === STEP_2 || step[0] === UPDATE);
}
