// The vocabulary of supervision and social critique as the law names it (Quy định 124-QĐ/TW 2023; Nghị quyết liên tịch
// 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN): who may supervise, the forms of supervision and critique, the answers a
// drafting body gives to each opinion. Names here are for server-made text; the web app has its own catalogs.
import { addDays } from '../../platform/clock.ts';
export { addDays };

/** The Front and the socio-political organisations under it since 1 July 2025 (Luật 97/2025/QH15). */
export const SUPERVISING_KINDS = ['mttq', 'hoi_lhpn', 'doan_tn', 'hoi_nong_dan', 'hoi_ccb', 'cong_doan'] as const;

export const SUPERVISION_FORMS = ['nghien_cuu_van_ban', 'doan_giam_sat', 'ban_ttnd', 'ban_gsdtccd', 'lay_y_kien'] as const;
export type SupervisionForm = (typeof SUPERVISION_FORMS)[number];
export const SUPERVISION_FORM_NAMES: Record<SupervisionForm, string> = {
  nghien_cuu_van_ban: 'Nghiên cứu, xem xét văn bản',
  doan_giam_sat: 'Đoàn giám sát',
  ban_ttnd: 'Ban Thanh tra nhân dân',
  ban_gsdtccd: 'Ban Giám sát đầu tư của cộng đồng',
  lay_y_kien: 'Lấy ý kiến nhân dân',
};

export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const RECOMMENDATION_STATUSES = ['in_progress', 'answered', 'resolved'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const CRITIQUE_FORMS = ['hoi_nghi', 'van_ban', 'doi_thoai'] as const;
export type CritiqueForm = (typeof CRITIQUE_FORMS)[number];
export const CRITIQUE_FORM_NAMES: Record<CritiqueForm, string> = {
  hoi_nghi: 'Hội nghị phản biện',
  van_ban: 'Gửi văn bản phản biện',
  doi_thoai: 'Đối thoại trực tiếp',
};

export const RESPONSES = ['tiep_thu', 'tiep_thu_mot_phan', 'giai_trinh'] as const;
export type Response = (typeof RESPONSES)[number];
export const RESPONSE_NAMES: Record<Response, string> = {
  tiep_thu: 'Tiếp thu',
  tiep_thu_mot_phan: 'Tiếp thu một phần',
  giai_trinh: 'Giải trình',
};

/** The earliest day a record may carry (older years come in through the import, not the console). */
export const FIRST_DAY = '2000-01-01';

