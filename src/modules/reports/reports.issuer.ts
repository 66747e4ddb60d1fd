// Who signs a report: from the issuing organisation, its header (State layout of NĐ 30/2020 for government, councils,
// the Front and mass organisations; Party layout of HD 36-HD/VPTW for party committees and their boards), symbol,
// signature block and recipients.
import { isWithin, type Actor } from '../../platform/access.ts';
import { todayVN } from '../../platform/clock.ts';
import { fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { organisationsByIds, organisationsCovering, type OrganisationRow } from '../organisations/index.ts';
import { getUnit } from '../units/index.ts';
import { inText, type ReportIssuer } from './reports.exports.ts';

/** Organisation kinds that write in the Party layout. */
export const PARTY_KINDS: ReadonlySet<string> = new Set(['cap_uy', 'ban_dan_van']);

interface UnitLike { code: string; name: string; shortName: string; level: string }

/** What the header needs besides the organisation: its unit, the province above it, and the organisations around it. */
export interface IssuerContext {
  unit: UnitLike;
  /** The province (or the country) the unit belongs to; the unit itself at province level. */
  province?: UnitLike;
  /** The organisation's parent organisation, if any. */
  parent?: OrganisationRow;
  /** Active organisations in the units above the organisation's unit (for "Nơi nhận"). */
  above: readonly OrganisationRow[];
  /** Active organisations of the same unit (the party committee a State body reports to). */
  sameUnit: readonly OrganisationRow[];
  date?: string;
}

/** The words of a name before its place ("Sở Nội vụ thành phố Huế" → "Sở Nội vụ"). */
function withoutPlace(name: string): string {
  const m = /\s(?=(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s)/iu.exec(name);
  return m && m.index > 0 ? name.slice(0, m.index) : name;
}

/** Initials of a body's name in capitals, for its symbol: "Ban Tiếp công dân" → "BTCD". */
function initials(name: string): string {
  return withoutPlace(name).split(/\s+/).filter(Boolean).map((w) => w[0].toLocaleUpperCase('vi-VN')).join('');
}

/** The head of a single-head body, after its first word. */
function headTitle(name: string): string {
  const first = withoutPlace(name).split(/\s+/)[0]?.toLocaleLowerCase('vi-VN');
  switch (first) {
    case 'sở': return 'Giám đốc';
    case 'thanh': return 'Chánh Thanh tra';
    case 'văn': return 'Chánh Văn phòng';
    case 'ban': return 'Trưởng ban';
    case 'phòng': return 'Trưởng phòng';
    default: return 'Thủ trưởng cơ quan';
  }
}

/** The Party symbol of a committee: TU (Tỉnh ủy, Thành ủy, Thị ủy), HU, QU, ĐU, TW. */
function committeeCode(org: OrganisationRow, level: string): string {
  const n = org.name.toLocaleLowerCase('vi-VN');
  if (n.startsWith('tỉnh ủy') || n.startsWith('thành ủy') || n.startsWith('thị ủy')) return 'TU';
  if (n.startsWith('huyện ủy')) return 'HU';
  if (n.startsWith('quận ủy')) return 'QU';
  if (n.startsWith('đảng ủy')) return 'ĐU';
  return level === 'central' ? 'TW' : level === 'province' ? 'TU' : level === 'district' ? 'HU' : 'ĐU';
}

const MASS: Record<string, { symbol: string; head: string }> = {
  hoi_lhpn: { symbol: 'HLHPN', head: 'Chủ tịch' },
  doan_tn: { symbol: 'ĐTN', head: 'Bí thư' },
  hoi_nong_dan: { symbol: 'HND', head: 'Chủ tịch' },
  hoi_ccb: { symbol: 'CCB', head: 'Chủ tịch' },
  cong_doan: { symbol: 'CĐ', head: 'Chủ tịch' },
};

/** The issuer of a report written by `org`. Pure: the caller looks the context up. */
export function issuerOf(org: OrganisationRow, c: IssuerContext): ReportIssuer {
  const place = c.unit.level === 'central' ? 'Hà Nội' : c.unit.shortName;
  const date = c.date ?? todayVN();
  const nearestAbove = (kinds: readonly string[]) => [...c.above].filter((o) => kinds.includes(o.kind)).sort((a, b) => b.unitPath.length - a.unitPath.length)[0];
  const committee = c.sameUnit.find((o) => o.kind === 'cap_uy');
  const report = (o: OrganisationRow | undefined) => (o ? [`${o.name} (để báo cáo)`] : []);

  if (PARTY_KINDS.has(org.kind)) {
    const base = { layout: 'party' as const, name: org.name, place, date };
    const superior = nearestAbove(['cap_uy']);
    const recipients = [
      ...(c.unit.level === 'province' ? ['Ban Dân vận Trung ương (để báo cáo)'] : report(superior)),
      ...(org.kind === 'ban_dan_van' && org.parentId && c.parent ? [`Thường trực ${c.parent.name} (để báo cáo)`] : []),
      'Lưu Văn phòng',
    ];
    if (org.kind === 'cap_uy') {
      const province = c.province && c.unit.level !== 'province' && c.unit.level !== 'central' ? `Đảng bộ ${inText(c.province.name)}` : undefined;
      return {
        ...base, parentBody: province, headerName: org.name, symbol: `BC/${committeeCode(org, c.unit.level)}`,
        signature: { authority: [c.unit.level === 'commune' ? 'T/M Đảng ủy' : 'T/M Ban Thường vụ'], title: 'Bí thư' }, recipients,
      };
    }
    // A board of a committee: "THÀNH ỦY HUẾ" above "BAN DÂN VẬN".
    const parent = c.parent && c.parent.kind === 'cap_uy' ? c.parent : undefined;
    const short = parent && org.name.includes(parent.name) ? org.name.replace(parent.name, '').trim() : org.name;
    const code = parent ? committeeCode(parent, c.unit.level) : c.unit.level === 'central' ? 'TW' : 'TU';
    return {
      ...base, parentBody: parent?.name, headerName: parent ? short : org.name, symbol: `BC/BDV${code}`,
      signature: { authority: ['T/M Ban Dân vận'], title: 'Trưởng ban' }, recipients,
    };
  }

  const base = { layout: 'state' as const, name: org.name, place, date };
  // The party committee's dân vận board compiles the reports of its unit.
  const board = c.sameUnit.find((o) => o.kind === 'ban_dan_van');
  const recipients = (...first: (OrganisationRow | undefined)[]) => [...first.flatMap(report), ...(board ? [`${board.name} (để tổng hợp)`] : []), 'Lưu: VT'];
  switch (org.kind) {
    case 'ubnd':
      return {
        ...base, headerName: org.name, symbol: 'BC-UBND', signature: { authority: ['TM. Ủy ban nhân dân'], title: 'Chủ tịch' },
        recipients: recipients(nearestAbove(['ubnd']), committee, c.sameUnit.find((o) => o.kind === 'hdnd')),
      };
    case 'hdnd':
      return {
        ...base, headerName: org.name, symbol: 'BC-HĐND', signature: { authority: ['TM. Thường trực Hội đồng nhân dân'], title: 'Chủ tịch' },
        recipients: recipients(nearestAbove(['hdnd']), committee),
      };
    case 'mttq':
      // The Front's standing board signs for its committee: "ỦY BAN MTTQ VIỆT NAM …" above "BAN THƯỜNG TRỰC".
      return {
        ...base, parentBody: org.name, headerName: 'Ban Thường trực', name: `Ban Thường trực ${org.name}`, symbol: 'BC-MTTQ-BTT',
        signature: { authority: ['TM. Ban Thường trực'], title: 'Chủ tịch' }, recipients: recipients(nearestAbove(['mttq']), committee),
      };
    default: {
      const mass = MASS[org.kind];
      if (mass) {
        return {
          ...base, headerName: org.name, symbol: `BC-${mass.symbol}`, signature: { authority: ['TM. Ban Thường vụ'], title: mass.head },
          recipients: recipients(nearestAbove([org.kind]), c.sameUnit.find((o) => o.kind === 'mttq'), committee),
        };
      }
      // A department or public body: its parent (the People's Committee) as cơ quan chủ quản; one head signs.
      return {
        ...base, parentBody: c.parent?.name, headerName: org.name, symbol: `BC-${initials(org.name) || 'CQ'}`,
        signature: { authority: [headTitle(org.name)] }, recipients: recipients(c.parent, committee),
      };
    }
  }
}

/**
 * The issuer for a report by the organisation `id`: one the actor belongs to, or one within the units the actor may
 * read reports of (`scopes`). Unknown or inactive organisations, and others, are refused without saying which.
 */
export async function resolveIssuer(ctx: AppContext, actor: Actor, id: string | undefined, scopes: readonly string[]): Promise<Outcome<ReportIssuer>> {
  const chosen = id ?? actor.grants.find((g) => scopes.some((s) => isWithin(g.unitPath, s)))?.organisationId ?? actor.grants[0]?.organisationId;
  if (!chosen) return fail('report_issuer_not_allowed');
  const [org] = await organisationsByIds(ctx, [chosen]);
  const member = actor.grants.some((g) => g.organisationId === chosen);
  if (!org || !org.active || !(member || scopes.some((s) => isWithin(org.unitPath, s)))) return fail('report_issuer_not_allowed');
  const view = await getUnit(ctx, org.unitCode);
  if (!view) return fail('report_issuer_not_allowed');
  const around = await organisationsCovering(ctx, org.unitPath);
  const province = view.unit.level === 'province' || view.unit.level === 'central' ? view.unit : view.ancestors.find((u) => u.level === 'province');
  return ok(issuerOf(org, {
    unit: view.unit,
    province,
    parent: org.parentId ? (await organisationsByIds(ctx, [org.parentId]))[0] : undefined,
    above: around.filter((o) => o.unitPath !== org.unitPath),
    sameUnit: around.filter((o) => o.unitPath === org.unitPath && o.id !== org.id),
  }));
}
