// Demo schedules for the embedded install: the chair of Phường Phú Xuân every Tuesday and Thursday morning, and the
// chair of Thành phố Huế on the 15th of every month, so the portal shows free slots on first start. Seeded once.
import type { AppContext } from '../../platform/http.ts';
import { todayVN } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { unitInForce } from '../units/index.ts';
import { ensureOrganisation } from '../organisations/index.ts';
import * as repo from './reception.repository.ts';
import type { ScheduleInsert } from './reception.tables.ts';
import type { Recurrence } from './reception.rules.ts';

const SPECS = [
  {
    unitCode: '19753', organisation: 'Ủy ban nhân dân phường Phú Xuân', leaderName: 'Nguyễn Văn Mẫu (dữ liệu mẫu)',
    leaderTitle: 'Chủ tịch Ủy ban nhân dân phường Phú Xuân', leaderKind: 'commune_chair',
    place: 'Phòng tiếp công dân, trụ sở Ủy ban nhân dân phường Phú Xuân (địa chỉ mẫu)',
    recurrence: { kind: 'weekly', weekdays: [2, 4] } as Recurrence, startTime: '07:30', endTime: '11:30', slotMinutes: 30, capacity: 3,
  },
  {
    unitCode: '46', organisation: 'Ủy ban nhân dân thành phố Huế', leaderName: 'Trần Thị Mẫu (dữ liệu mẫu)',
    leaderTitle: 'Chủ tịch Ủy ban nhân dân thành phố Huế', leaderKind: 'province_chair',
    place: 'Trụ sở Ban Tiếp công dân thành phố Huế (địa chỉ mẫu)',
    recurrence: { kind: 'monthly_day', day: 15 } as Recurrence, startTime: '08:00', endTime: '11:00', slotMinutes: 30, capacity: 5,
  },
] as const;

/** Seeds the demo schedules when the demo data is on and no schedule exists yet. */
export async function seedReceptionDemo(ctx: AppContext): Promise<void> {
  if (!ctx.config.demoData || await repo.anySchedule(ctx.database.db)) return;
  for (const spec of SPECS) {
    const unit = await unitInForce(ctx, spec.unitCode);
    if (!unit) continue;
    const org = await ensureOrganisation(ctx, { unitCode: spec.unitCode, kind: 'ubnd', name: spec.organisation });
    const row: ScheduleInsert = {
      id: newId(), unitCode: unit.code, unitPath: unit.path, organisationId: org.id, leaderName: spec.leaderName, leaderTitle: spec.leaderTitle,
      leaderKind: spec.leaderKind, place: spec.place, recurrence: spec.recurrence,
      startTime: spec.startTime, endTime: spec.endTime, slotMinutes: spec.slotMinutes, capacity: spec.capacity, validFrom: todayVN(), validTo: null, active: true,
    };
    await ctx.database.db.transaction(async (tx) => {
      await repo.insertSchedule(tx, row);
      await recordAudit(tx, { action: 'reception.schedule.created', actorName: 'system', unitCode: unit.code, unitPath: unit.path, targetType: 'reception_schedule', targetId: row.id, detail: { demo: true } });
    });
  }
}
