/**
 * Repairs text that was UTF-8, decoded as Windows-1252 and encoded as UTF-8 again ("âœ…" for
 * "✅", "â†“" for "↓", "ðŸš€" for "🚀"). Only runs of characters that map back to bytes forming
 * valid multi-byte UTF-8 are changed, so correct text, including real accented letters, is left
 * alone.
 */

// Windows-1252's 0x80-0x9F block; the five undefined bytes pass through as C1 controls.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function toCp1252Byte(char: string): number | undefined {
	const code = char.codePointAt(0)!;
	const high = CP1252_HIGH.indexOf(char);
	if (high >= 0) return 0x80 + high;
	if (code >= 0xa0 && code <= 0xff) return code;
	return undefined;
}

// A lead byte (Â-ô) followed by one or more characters that are continuation bytes in cp1252.
const SUSPECT =
	/[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+/g;

const decoder = new TextDecoder('utf-8', { fatal: true });

function repairRun(run: string): string {
	const bytes: number[] = [];
	for (const char of run) {
		const byte = toCp1252Byte(char);
		if (byte === undefined) return run;
		bytes.push(byte);
	}
	try {
		return decoder.decode(new Uint8Array(bytes));
	} catch {
		return run;
	}
}

export function repairMojibake(text: string): { text: string; repairs: number } {
	let repairs = 0;
	const repaired = text.replace(SUSPECT, (run) => {
		const fixed = repairRun(run);
		if (fixed !== run) repairs++;
		return fixed;
	});
	return { text: repaired, repairs };
}
