// Business time: Vietnam's calendar day (Asia/Ho_Chi_Minh, UTC+7), whatever the server's time zone.

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Vietnam as 'YYYY-MM-DD'. */
export function todayVN(now: Date = new Date()): string {
  return dayFormat.format(now);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** True for a real calendar day written 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The day before an ISO day. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** An ISO day moved by n days (negative: earlier). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
