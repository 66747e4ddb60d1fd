// Shared by the tests that hold a monthly roll-up to the one-by-one count: a replayable generator and the centre's
// periods the roll-ups answer.

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const minDay = (a: string, b: string) => (a < b ? a : b);

/** Periods of the centre the roll-ups answer: years, quarters, months, across the reform, and the running ones. */
export function centrePeriods(today: string): { from: string; to: string }[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const monthEnd = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 0)).toISOString().slice(0, 10);
  const month = (yy: number, mm: number) => ({ from: `${yy}-${String(mm).padStart(2, '0')}-01`, to: monthEnd(yy, mm) });
  return [
    { from: '2024-01-01', to: '2024-12-31' }, { from: '2025-01-01', to: '2025-12-31' }, { from: '2025-04-01', to: '2025-09-30' },
    { from: '2025-07-01', to: '2025-09-30' }, month(2025, 6), month(2025, 7), { from: `${y}-01-01`, to: `${y}-12-31` },
    month(y, m), m > 1 ? month(y, m - 1) : month(y - 1, 12), { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
  ];
}
