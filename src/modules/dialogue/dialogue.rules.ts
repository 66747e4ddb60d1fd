// Words and day arithmetic the dialogue module shares: the forms' names, Vietnamese dates.
import { addDays } from '../../platform/clock.ts';
export { addDays };
export const FORM_NAMES = { tiep_xuc: 'tiếp xúc', doi_thoai: 'đối thoại' } as const;
export const TYPE_NAMES = { dinh_ky: 'định kỳ', dot_xuat: 'đột xuất' } as const;

/** '2026-03-05' → '05/03/2026'. */
export const vnDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
