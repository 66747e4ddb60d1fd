// The fields of a unit that leave the server.
import type { UnitView } from './units.service.ts';
import type { UNIT_TYPES } from './units.schemas.ts';

export function presentUnit({ unit, ancestors }: UnitView) {
  return {
    code: unit.code,
    name: unit.name,
    shortName: unit.shortName,
    type: unit.type as (typeof UNIT_TYPES)[number],
    level: unit.level as 'central' | 'province' | 'district' | 'commune',
    parentCode: unit.parentCode,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    remoteArea: unit.remoteArea,
    ancestors: ancestors.map((a) => ({ code: a.code, name: a.name })),
  };
}
