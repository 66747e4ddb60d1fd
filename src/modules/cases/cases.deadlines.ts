// Deadlines: the configurable rules (days, unit, legal basis) applied through the working-day calendar.
import { fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { todayVN } from '../../platform/clock.ts';
import { calendarOf } from '../calendar/index.ts';
import * as repo from './cases.repository.ts';
import type { RuleRow } from './cases.tables.ts';

let cached: { at: number; rules: Map<string, RuleRow> } | null = null;
const TTL_MS = 60_000;

/** The rules, cached for a minute (an edit in another process shows within that time; this process clears at once). */
export async function rulesOf(ctx: AppContext): Promise<Map<string, RuleRow>> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.rules;
  const rules = new Map((await repo.rules(ctx.database.db)).map((r) => [r.id, r]));
  cached = { at: Date.now(), rules };
  return rules;
}
export function forgetRules(): void { cached = null; }

/** The due day of a rule counted from `from` (the day of the triggering event). */
export async function dueBy(ctx: AppContext, ruleId: string, from: string): Promise<{ dueOn: string; rule: RuleRow }> {
  const rule = (await rulesOf(ctx)).get(ruleId);
  if (!rule) throw new Error(`unknown deadline rule ${ruleId}`);
  const calendar = await calendarOf(ctx);
  return { dueOn: calendar.add(from, rule.days, rule.unit as 'working' | 'calendar'), rule };
}

/** A denunciation's deadline stretched by an extension of `days` calendar days, within the rule's maximum. */
export async function extendBy(ctx: AppContext, due: string, days: number): Promise<Outcome<string>> {
  const rule = (await rulesOf(ctx)).get('denunciation_extension');
  if (!rule) throw new Error('missing rule denunciation_extension');
  if (days > rule.days) return fail('extension_too_long', { max: rule.days });
  return ok((await calendarOf(ctx)).add(due, days, rule.unit as 'working' | 'calendar'));
}

export interface DeadlineView { dueOn: string | null; rule: string | null; basis: string | null; daysLeft: number | null; overdue: boolean; dueSoon: boolean }

/** What an official sees about a case's deadline today. */
export async function deadlineView(ctx: AppContext, c: { dueOn: string | null; dueRule: string | null; closedAt: Date | null }, today = todayVN()): Promise<DeadlineView> {
  if (!c.dueOn || c.closedAt) return { dueOn: c.dueOn && !c.closedAt ? c.dueOn : null, rule: null, basis: null, daysLeft: null, overdue: false, dueSoon: false };
  const calendar = await calendarOf(ctx);
  const rule = c.dueRule ? (await rulesOf(ctx)).get(c.dueRule) : undefined;
  const daysLeft = calendar.workingDaysBetween(today, c.dueOn);
  const overdue = c.dueOn < today;
  return {
    dueOn: c.dueOn, rule: c.dueRule, basis: rule?.basis ?? null, daysLeft, overdue,
    dueSoon: !overdue && daysLeft <= ctx.config.DUE_SOON_WORKING_DAYS,
  };
}

/** The last day of the "due soon" window: today plus the configured number of working days. */
export async function soonUntil(ctx: AppContext, today = todayVN()): Promise<string> {
  return (await calendarOf(ctx)).add(today, ctx.config.DUE_SOON_WORKING_DAYS, 'working');
}
