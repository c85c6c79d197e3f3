/**
 * Times as a record needs them: every time with its date and its timezone ("2026-12-01 02:21
 * UTC+1"), never a bare "02:21 AM" that a reader in another zone, or on another day, misreads.
 * Pure: the zone offset is given (minutes east of UTC, the opposite sign of
 * `Date#getTimezoneOffset`), so tests do not depend on the machine's zone.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** "UTC", "UTC+1", "UTC-5", "UTC+5:30". */
export function zoneLabel(offsetMinutes: number): string {
	if (offsetMinutes === 0) return 'UTC';
	const sign = offsetMinutes > 0 ? '+' : '-';
	const abs = Math.abs(offsetMinutes);
	return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
}

/** The offset in force at `t` where the reader is (minutes east of UTC), or 0 when showing UTC. */
export function offsetAt(t: number, utc = false): number {
	return utc ? 0 : -new Date(t).getTimezoneOffset();
}

/** The wall-clock parts of `t` in a zone `offsetMinutes` east of UTC. */
function wall(t: number, offsetMinutes: number) {
	const d = new Date(t + offsetMinutes * 60_000);
	return {
		day: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
		time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
		seconds: pad(d.getUTCSeconds()),
	};
}

/** "2026-12-01 02:21 UTC+1": for the sheet, the timeline and the record. */
export function formatWhen(t: number, offsetMinutes: number): string {
	const { day, time } = wall(t, offsetMinutes);
	return `${day} ${time} ${zoneLabel(offsetMinutes)}`;
}

/** "2026-12-01": a record's date. */
export function formatDay(t: number, offsetMinutes: number): string {
	return wall(t, offsetMinutes).day;
}

/** ISO 8601 with the offset, for exports: "2026-12-01T02:21:07+01:00" ("Z" in UTC). */
export function isoWithOffset(t: number, offsetMinutes: number): string {
	const { day, time, seconds } = wall(t, offsetMinutes);
	if (offsetMinutes === 0) return `${day}T${time}:${seconds}Z`;
	const abs = Math.abs(offsetMinutes);
	return `${day}T${time}:${seconds}${offsetMinutes > 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
