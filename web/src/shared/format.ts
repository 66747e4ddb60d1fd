// Vietnamese formats used across both faces: dd/MM/yyyy dates, dd/MM/yyyy HH:mm instants (Asia/Ho_Chi_Minh), name sorting.

/** '2025-07-01' → '01/07/2025'. Calendar days are strings, so no time zone is involved. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

const instantParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant shown on Vietnam's clock (the business calendar), whatever the device's zone. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(instantParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

/** Today's date in Vietnam as YYYY-MM-DD. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** Vietnamese collation: "Đ" after "D", tones ordered as a Vietnamese reader expects. */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function byName<T extends { name: string }>(a: T, b: T): number {
  return vietnameseCollator.compare(a.name, b.name);
}

/** Whether a unit's validity has ended (validTo is the last day, or null while in force). */
export function isExpired(validTo: string | null, today = todayInVietnam()): boolean {
  return validTo !== null && validTo < today;
}
