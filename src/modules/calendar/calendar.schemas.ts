// Request and response schemas of the calendar API. Days and numbers arrive as strings and are checked in the service (invalid_date, calendar_out_of_range, calendar_number_invalid).
import { z } from 'zod';
import { id, plain } from '../../platform/schemas.ts';
import { API_YEARS, MAX_DAYS } from './calendar.service.ts';

const day = z.string().max(40).meta({ format: 'date', example: '2026-02-17', description: `YYYY-MM-DD, năm ${API_YEARS.min}–${API_YEARS.max}.` });
// Numbers arrive as text and are read in the service, so that "abc" is told apart from a missing value.
const year = z.string().max(12).meta({ example: '2026', description: `Năm ${API_YEARS.min}–${API_YEARS.max}.` });

export const lunar = z.object({
  day: z.number().int(),
  month: z.number().int(),
  year: z.number().int(),
  leap: z.boolean().meta({ description: 'Tháng nhuận.' }),
}).meta({ id: 'LunarDate', description: 'Âm lịch Việt Nam (múi giờ UTC+7).' });

export const holidayQuery = z.strictObject({ year: year.optional().meta({ description: 'Mặc định: năm hiện tại.' }) });
export const holidayList = z.object({
  year: z.number().int(),
  items: z.array(z.object({
    date: z.string(),
    name: z.string(),
    kind: z.enum(['holiday', 'compensatory', 'adjustment']).meta({ description: 'Ngày lễ theo luật; ngày nghỉ bù (Bộ luật Lao động 2019, Điều 112 khoản 3); ngày nghỉ theo quyết định hằng năm.' }),
    source: z.string().meta({ description: 'Căn cứ pháp lý.' }),
    lunar,
  })).meta({ description: 'Các ngày nghỉ có tên (không kể thứ Bảy, Chủ nhật thông thường), theo ngày.' }),
  workdays: z.array(z.object({ date: z.string(), name: z.string(), source: z.string(), lunar }))
    .meta({ description: 'Ngày nghỉ được chuyển thành ngày làm việc theo quyết định (làm bù thứ Bảy...).' }),
});

export const addQuery = z.strictObject({
  from: day.meta({ description: 'Ngày bắt đầu; việc đếm bắt đầu từ ngày hôm sau.' }),
  days: z.string().max(12).meta({ example: '10', description: `Số ngày, số nguyên từ -${MAX_DAYS} đến ${MAX_DAYS}; số âm để đếm lùi.` }),
  unit: z.enum(['working', 'calendar']).meta({ description: 'working: ngày làm việc; calendar: ngày theo lịch (ngày cuối trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp).' }),
});
export const addResult = z.object({ date: z.string() });

export const lunarQuery = z.strictObject({ date: day });

export const adjustment = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.enum(['off', 'work']),
  name: z.string(),
  source: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
}).meta({ id: 'CalendarAdjustment' });
export const adjustmentQuery = z.strictObject({ year: year.optional().meta({ description: 'Mặc định: mọi năm.' }) });
export const adjustmentList = z.object({
  canManage: z.boolean().meta({ description: 'Người dùng hiện tại được thêm, xóa điều chỉnh (quản trị viên trung ương).' }),
  items: z.array(adjustment),
});
export const adjustmentBody = z.strictObject({
  date: day,
  kind: z.enum(['off', 'work']).meta({ description: 'off: thêm ngày nghỉ; work: chuyển ngày nghỉ thành ngày làm việc.' }),
  name: plain(200),
  source: plain(1000).meta({ description: 'Văn bản, quyết định làm căn cứ.' }),
});
export const idParams = z.strictObject({ id });
