// Hand-made reports for the exports' tests: a province over a year that spans the 2025 reform, and an empty commune.
import type { ChildRow, ReportFigures, Report } from './reports.types.ts';

export function figures(over: Partial<{ held: number; periodic: number; adHoc: number; visits: number; received: number }> = {}): ReportFigures {
  const held = over.held ?? 0;
  const periodic = over.periodic ?? 0;
  const adHoc = over.adHoc ?? held - periodic;
  const visits = over.visits ?? 0;
  const received = over.received ?? 0;
  return {
    conferences: {
      held, periodic, adHoc, notHeld: held ? 2 : 0, attendance: held * 85,
      byLevel: [],
      recommendations: { raised: held * 3, answeredOnSpot: held, resolved: held, inProgress: held ? held - 3 : 0, overdue: held ? 3 : 0 },
    },
    supervision: {
      visits,
      byForm: { nghien_cuu_van_ban: Math.floor(visits / 2), doan_giam_sat: visits - Math.floor(visits / 2), ban_ttnd: 0, ban_gsdtccd: 0, lay_y_kien: 0 },
      recommendations: { raised: visits * 2, answered: visits, resolved: Math.floor(visits / 2) },
      critique: { drafts: visits ? 4 : 0, sessions: visits ? 6 : 0, byForm: { hoi_nghi: visits ? 3 : 0, van_ban: visits ? 2 : 0, doi_thoai: visits ? 1 : 0 }, opinions: visits ? 40 : 0, responded: visits ? 35 : 0, accepted: visits ? 28 : 0 },
      byLevel: [],
    },
    cases: {
      received,
      byChannel: received ? { portal: Math.floor(received / 2), reception: received - Math.floor(received / 2) - 10, dialogue: 10 } : {},
      byKind: received ? { kien_nghi: received - 30, phan_anh: 15, khieu_nai: 10, to_cao: 5 } : {},
      accepted: received ? 12 : 0, resolved: Math.floor(received * 0.8), resolvedOnTime: Math.floor(received * 0.7), overdue: received ? 6 : 0,
      mass: received ? 2 : 0, overLevel: received ? 1 : 0, resolutionRate: received ? Math.round((Math.floor(received * 0.8) / received) * 1000) / 10 : null,
    },
    topFields: [],
  };
}

const child = (code: string, name: string, era: ChildRow['era'], n: number): ChildRow => ({
  code, name, level: era === 'truoc_2025' ? 'district' : 'commune', era,
  conferencesHeld: n, periodic: Math.floor(n / 3), adHoc: n - Math.floor(n / 3), recommendationsRaised: n * 3, recommendationsResolved: n,
  supervisionVisits: Math.floor(n / 2), critiqueSessions: n % 3, casesReceived: n * 4, casesResolved: n * 3, casesOverdue: n % 2,
});

/** Thành phố Huế, year 2025: districts before 1 July, communes from then. */
export function provinceReport(): Report {
  const current = figures({ held: 145, periodic: 47, adHoc: 98, visits: 36, received: 1234 });
  current.conferences.byLevel = [
    { level: 'province', era: 'tu_2025', unitsLabel: 'tỉnh, thành phố', unitsTotal: 1, unitsHeld: 1, held: 6, periodic: 4, adHoc: 2, notHeld: 0, sentence: '1/1 thành phố đã tổ chức 6 hội nghị, trong đó 4 định kỳ, 2 đột xuất' },
    { level: 'district', era: 'truoc_2025', unitsLabel: 'quận, huyện, thị xã', unitsTotal: 9, unitsHeld: 9, held: 39, periodic: 13, adHoc: 26, notHeld: 1, sentence: '9/9 quận, huyện, thị xã đã tổ chức 39 hội nghị, trong đó 13 định kỳ, 26 đột xuất' },
    { level: 'commune', era: 'truoc_2025', unitsLabel: 'xã, phường, thị trấn', unitsTotal: 133, unitsHeld: 60, held: 62, periodic: 20, adHoc: 42, notHeld: 1, sentence: '60/133 xã, phường, thị trấn đã tổ chức 62 hội nghị, trong đó 20 định kỳ, 42 đột xuất' },
    { level: 'commune', era: 'tu_2025', unitsLabel: 'xã, phường', unitsTotal: 40, unitsHeld: 30, held: 38, periodic: 10, adHoc: 28, notHeld: 0, sentence: '30/40 xã, phường đã tổ chức 38 hội nghị, trong đó 10 định kỳ, 28 đột xuất' },
  ];
  current.supervision.byLevel = [
    { level: 'province', era: 'tu_2025', unitsLabel: 'tỉnh, thành phố', unitsTotal: 1, visits: 6, unitsSupervising: 1, critiqueSessions: 2 },
    { level: 'district', era: 'truoc_2025', unitsLabel: 'quận, huyện, thị xã', unitsTotal: 9, visits: 12, unitsSupervising: 7, critiqueSessions: 2 },
    { level: 'commune', era: 'truoc_2025', unitsLabel: 'xã, phường, thị trấn', unitsTotal: 133, visits: 10, unitsSupervising: 9, critiqueSessions: 1 },
    { level: 'commune', era: 'tu_2025', unitsLabel: 'xã, phường', unitsTotal: 40, visits: 8, unitsSupervising: 8, critiqueSessions: 1 },
  ];
  current.topFields = [
    { code: 'dat_dai', name: 'Đất đai', count: 312 }, { code: 'moi_truong', name: 'Môi trường', count: 190 }, { code: 'giao_thong', name: 'Giao thông', count: 120 },
  ];
  const prior = figures({ held: 120, periodic: 50, adHoc: 70, visits: 30, received: 1100 });
  prior.conferences.byLevel = [
    { level: 'province', era: 'truoc_2025', unitsLabel: 'tỉnh, thành phố', unitsTotal: 1, unitsHeld: 1, held: 5, periodic: 3, adHoc: 2, notHeld: 0, sentence: '' },
    { level: 'district', era: 'truoc_2025', unitsLabel: 'quận, huyện, thị xã', unitsTotal: 9, unitsHeld: 9, held: 50, periodic: 20, adHoc: 30, notHeld: 0, sentence: '' },
    { level: 'commune', era: 'truoc_2025', unitsLabel: 'xã, phường, thị trấn', unitsTotal: 133, unitsHeld: 50, held: 65, periodic: 27, adHoc: 38, notHeld: 2, sentence: '' },
  ];
  prior.supervision.byLevel = [
    { level: 'district', era: 'truoc_2025', unitsLabel: 'quận, huyện, thị xã', unitsTotal: 9, visits: 20, unitsSupervising: 8, critiqueSessions: 3 },
    { level: 'commune', era: 'truoc_2025', unitsLabel: 'xã, phường, thị trấn', unitsTotal: 133, visits: 10, unitsSupervising: 9, critiqueSessions: 0 },
  ];
  return {
    unit: { code: '46', name: 'Thành phố Huế', level: 'province', path: 'VN.46' },
    period: { from: '2025-01-01', to: '2025-12-31', kind: 'year', label: 'năm 2025' },
    previous: { from: '2024-01-01', to: '2024-12-31', kind: 'year', label: 'năm 2024' },
    empty: false,
    current,
    prior,
    children: [
      child('19753', 'Phường Phú Xuân', 'tu_2025', 12),
      child('19789', 'Phường Thuận Hóa', 'tu_2025', 9),
      child('474', 'Quận Thuận Hóa', 'truoc_2025', 21),
      child('475', 'Quận Phú Xuân', 'truoc_2025', 18),
      child('19867', 'Xã Quảng Điền', 'tu_2025', 0),
    ],
    highlights: [
      '9/9 quận, huyện, thị xã và 30/40 xã, phường đã tổ chức hội nghị tiếp xúc, đối thoại với Nhân dân.',
      'Tỷ lệ giải quyết đơn thư đạt 80,0%, cao hơn kỳ trước.',
    ],
    generatedAt: '2026-02-05T08:00:00.000Z',
  };
}

/** Phường Phú Xuân, a quarter with nothing recorded. */
export function emptyReport(): Report {
  return {
    unit: { code: '19753', name: 'Phường Phú Xuân', level: 'commune', path: 'VN.46.19753' },
    period: { from: '2026-01-01', to: '2026-03-31', kind: 'quarter', label: 'quý I năm 2026' },
    previous: { from: '2025-10-01', to: '2025-12-31', kind: 'quarter', label: 'quý IV năm 2025' },
    empty: true,
    current: figures(),
    prior: figures(),
    children: [],
    highlights: [],
    generatedAt: '2026-04-02T08:00:00.000Z',
  };
}
