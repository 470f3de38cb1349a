/**
 * When a report day ends. The series the report follows ran once a day around 10–11 UTC; people read
 * days in their own time. A report for date D is made at the day's end in the user's time zone:
 * midnight ("00:00", the default) ends D at the last moment of D; another time ("10:30") makes D's
 * report at D 10:30, as the series dated its morning reports. Pure: the zone is passed in.
 */

/** "HH:MM", 24-hour. */
export const DAY_END = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The offset (ms) of a time zone from UTC at instant t. */
function zoneOffset(t: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** The instant that is `date` at `hhmm` in `timeZone` (the later one where a clock change repeats it). */
export function zonedTime(date: string, hhmm: string, timeZone: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.parse(`${date}T00:00:00Z`) + (h * 60 + m) * 60_000;
  let t = wall - zoneOffset(wall, timeZone);
  t = wall - zoneOffset(t, timeZone);
  return t;
}

/** The report time for date D: the end of D's report day in the user's zone. Never later than now. */
export function reportTimeFor(date: string, dayEnds: string, timeZone: string, now: number): number {
  const end = DAY_END.test(dayEnds) ? dayEnds : '00:00';
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const at = end === '00:00' ? zonedTime(next, '00:00', timeZone) - 1 : zonedTime(date, end, timeZone);
  return Math.min(at, now);
}

/** "00:00 CET", "10:30 GMT-5": the day's end as the page header shows it. */
export function dayEndLabel(dayEnds: string, timeZone: string, at: number): string {
  const zone = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return `${DAY_END.test(dayEnds) ? dayEnds : '00:00'} ${zone}`;
}
