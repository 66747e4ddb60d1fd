// Cases raised by another activity (a dialogue conference, a supervision visit) link back to it. The originating
// module registers how to name and reach its records; the cases module never reads their tables.
import type { AppContext } from '../../platform/http.ts';

export const ORIGIN_TYPES = ['dialogue', 'supervision'] as const;
export type OriginType = (typeof ORIGIN_TYPES)[number];

/** What raised a case: the type of record and its id in the originating module. */
export interface CaseOrigin { type: OriginType; id: string }

/**
 * How an origin is shown on the case: its title (a conference's topic, a visit's subject), its day (YYYY-MM-DD) and
 * the console path of the record. The console words it ("Từ hội nghị đối thoại: <title>, ngày dd/mm/yyyy").
 */
export interface OriginView { title: string; on: string | null; path: string }

export type OriginResolver = (ctx: AppContext, ids: string[]) => Promise<Map<string, OriginView>>;

const resolvers = new Map<OriginType, OriginResolver>();

/** Called once by the originating module when it loads. */
export function registerOriginResolver(type: OriginType, resolver: OriginResolver): void {
  resolvers.set(type, resolver);
}

/** The origin of a case as the console shows it, or null (no origin, or no module to name it). */
export async function originOf(ctx: AppContext, c: { originType: string | null; originId: string | null }): Promise<(CaseOrigin & OriginView) | null> {
  if (!c.originType || !c.originId) return null;
  const type = c.originType as OriginType;
  const view = (await resolvers.get(type)?.(ctx, [c.originId]))?.get(c.originId);
  return view ? { type, id: c.originId, ...view } : null;
}
