// The shape of report v1 ("tổng kết"): what the API returns and what the console page, the .docx and the .xlsx read.
// Every figure is computed from the records over the unit's subtree, in the unit tree in force during the period.

export type Level = 'central' | 'province' | 'district' | 'commune';
/** Which unit tree a level row belongs to: the three-level tree before 1 July 2025, or the two-level one from then. */
export type Era = 'truoc_2025' | 'tu_2025';

export interface Period {
  from: string;               // ISO day, inclusive
  to: string;                 // ISO day, inclusive
  kind: 'month' | 'quarter' | 'half' | 'year' | 'custom';
  label: string;              // "năm 2025", "quý III năm 2026", "6 tháng đầu năm 2026", "tháng 10 năm 2026", "từ ngày 01/03/2026 đến ngày 15/04/2026"
}

/**
 * One level of the subtree: how many of its units are in force in the period, and what they did. A period reaching
 * across 1 July 2025 has one province row in the 2025 tree (old provinces counted for their successor), the district
 * row for the days before, and the commune level twice, once per tree (units/units.scope.ts).
 */
export interface LevelRow {
  level: Level;
  era: Era;
  /** The field's plural phrase for the units of the level: "tỉnh, thành phố", "quận, huyện, thị xã, thành phố thuộc tỉnh", "xã, phường, đặc khu", "xã, phường, thị trấn". */
  unitsLabel: string;
  unitsTotal: number;
}

export interface ConferenceLevel extends LevelRow {
  unitsHeld: number;          // units of the level that held at least one conference
  held: number;
  periodic: number;           // định kỳ
  adHoc: number;              // đột xuất
  notHeld: number;            // planned in the period and recorded as not held
  /** "30/30 quận, huyện, thị xã đã tổ chức 145 hội nghị, trong đó 47 định kỳ, 98 đột xuất" */
  sentence: string;
}

/** Definitions in dialogue/dialogue.figures.ts. */
export interface ConferenceFigures {
  held: number; periodic: number; adHoc: number; notHeld: number; attendance: number;
  byLevel: ConferenceLevel[];
  recommendations: { raised: number; answeredOnSpot: number; resolved: number; inProgress: number; overdue: number };
}

export interface SupervisionLevel extends LevelRow { visits: number; unitsSupervising: number; critiqueSessions: number }

/** Definitions in supervision/supervision.figures.ts. */
export interface SupervisionFigures {
  visits: number;
  byForm: Record<'nghien_cuu_van_ban' | 'doan_giam_sat' | 'ban_ttnd' | 'ban_gsdtccd' | 'lay_y_kien', number>;
  recommendations: { raised: number; answered: number; resolved: number };
  critique: { drafts: number; sessions: number; byForm: Record<'hoi_nghi' | 'van_ban' | 'doi_thoai', number>; opinions: number; responded: number; accepted: number };
  byLevel: SupervisionLevel[];
}

/**
 * The cases received in the period at a receiving unit of the scope, as they stood at the period's last day (or today
 * while it runs); exact definitions in cases/cases.figures.ts.
 */
export interface CaseFigures {
  received: number;
  byChannel: Record<string, number>;     // keys: CHANNELS of the cases module
  byKind: Record<string, number>;        // keys: KINDS of the cases module
  accepted: number;                      // thụ lý: accepted for settlement (event 'accepted')
  resolved: number;                      // reached their result: decision/conclusion (complaints, denunciations), answer (recommendations, reflections)
  resolvedOnTime: number;                // resolved on or before the deadline running then
  overdue: number;                       // resolved after that deadline, or still open past the deadline running at the period's end
  mass: number;                          // đông người
  overLevel: number;                     // vượt cấp
  /** resolved / accepted, as a percentage with one decimal; null when none was accepted. */
  resolutionRate: number | null;
}

export interface FieldCount { code: string; name: string; count: number }

export interface ReportFigures {
  conferences: ConferenceFigures;
  supervision: SupervisionFigures;
  cases: CaseFigures;
  topFields: FieldCount[];               // the most raised fields over recommendations and cases, at most 5
}

/** One row of the drill-down table: a child unit of the report's unit (old districts for the years before 2025). */
export interface ChildRow {
  code: string; name: string; level: Level; era: Era;
  conferencesHeld: number; periodic: number; adHoc: number; recommendationsRaised: number; recommendationsResolved: number;
  supervisionVisits: number; critiqueSessions: number; casesReceived: number; casesResolved: number; casesOverdue: number;
}

export interface Report {
  unit: { code: string; name: string; level: Level; path: string };
  period: Period;
  previous: Period;
  /** True when nothing at all was recorded in the period: the page and the documents say so plainly. */
  empty: boolean;
  current: ReportFigures;
  prior: ReportFigures;
  children: ChildRow[];
  /** The summary sentences in the field's phrasing, ready for the document's body. */
  highlights: string[];
  generatedAt: string;
  /**
   * Asked for with `withPriorChildren`: the children's figures in the period before, in the unit tree in force then
   * (match them by code: a 2025 province's year 2025 has old districts and new communes, its 2024 old districts only).
   */
  priorChildren?: ChildRow[];
  /**
   * Present when the unit was in force for only part of the period (a 2024 district, a commune of the 2025 tree):
   * the days its figures cover. Otherwise the whole period.
   */
  coverage?: { from: string; to: string };
}

/** What a reader asks for, as in the API's query: the kind of period and its numbers. */
export interface PeriodQuery {
  kind: Period['kind'];
  year?: number;
  month?: number;             // 1–12
  quarter?: number;           // 1–4
  half?: number;              // 1: the first six months, 2: the last six
  from?: string;              // custom: ISO days, inclusive
  to?: string;
}

/** The records behind a figure (the drill-down): what they are, and which level row and child they belong to. */
export type RecordKind = 'conferences' | 'recommendations' | 'supervision' | 'critique' | 'cases';

/** One record of the drill-down list, the same shape for every kind. */
export interface RecordItem {
  id: string;
  kind: RecordKind;
  date: string;               // held on, raised on, started on, received on (ISO day)
  unit: { code: string; name: string };
  title: string;
  /** The record's type or form in words ("định kỳ", "Đoàn giám sát", "kiến nghị — Tiếp công dân"). */
  detail: string;
  /** Its state in words ("Đã tổ chức", "Đang giải quyết", "Quá hạn"). */
  status: string;
  /** Console path of the record, when the reader may open it. */
  link: string | null;
}

export interface RecordsPage { items: RecordItem[]; total: number; page: number; pageSize: number }
