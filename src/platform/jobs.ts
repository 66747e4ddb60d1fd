// Scheduled jobs that survive restarts and run once per period even with several app processes on one database:
// each (job, period) is a row; whoever inserts it runs the job, a crashed run is taken over after its lease.
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { todayVN } from './clock.ts';

export interface JobDef {
  name: string;
  /** The period a run covers; one run per key. Default: today's date in Vietnam. */
  periodKey?: () => string;
  run: (periodKey: string) => Promise<Record<string, unknown>>;
}

const OWNER = `${hostname()}:${process.pid}`;

/** Claims the run of `name` for `key`: true when this process should run it now. */
export async function claim(db: Executor, name: string, key: string, leaseMinutes = 30, owner = OWNER): Promise<boolean> {
  const r = await db.execute(sql`
    insert into jobs_run (name, run_key, status, owner) values (${name}, ${key}, 'running', ${owner})
    on conflict (name, run_key) do update set status = 'running', owner = excluded.owner, started_at = now(), finished_at = null
      where jobs_run.status = 'failed'
         or (jobs_run.status = 'running' and jobs_run.started_at < now() - make_interval(mins => ${leaseMinutes}))
    returning owner`);
  return (r as unknown as { rows: unknown[] }).rows.length === 1;
}

export async function finish(db: Executor, name: string, key: string, status: 'done' | 'failed', detail: Record<string, unknown>): Promise<void> {
  await db.execute(sql`update jobs_run set status = ${status}, finished_at = now(), detail = ${JSON.stringify(detail)}::jsonb where name = ${name} and run_key = ${key}`);
}

/** Runs the job for its current period unless another process has, or is doing it. */
export async function runDue(db: Executor, job: JobDef, log?: (msg: string, detail: unknown) => void): Promise<'ran' | 'skipped' | 'failed'> {
  const key = job.periodKey?.() ?? todayVN();
  if (!(await claim(db, job.name, key))) return 'skipped';
  try {
    const detail = await job.run(key);
    await finish(db, job.name, key, 'done', detail);
    log?.(`job ${job.name} ${key} done`, detail);
    return 'ran';
  } catch (err) {
    await finish(db, job.name, key, 'failed', { error: String(err) }).catch(() => {});
    log?.(`job ${job.name} ${key} failed`, err);
    return 'failed';
  }
}

/** Checks every job once now and then every `everyMs`; returns a stop function. */
export function startScheduler(db: Executor, jobs: JobDef[], everyMs = 60_000, log?: (msg: string, detail: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = (async () => { for (const j of jobs) { if (stopped) return; await runDue(db, j, log); } })().catch((err) => log?.('scheduler error', err));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => { stopped = true; clearInterval(timer); await running; };
}

/** Work that runs every few seconds (the outbox): never two runs of one worker at once in a process. */
export interface WorkerDef { name: string; everyMs: number; run: () => Promise<unknown> }

export function startWorkers(workers: WorkerDef[], log?: (msg: string, detail: unknown) => void): () => Promise<void> {
  let stopped = false;
  const running = new Map<string, Promise<unknown>>();
  const timers = workers.map((w) => {
    const tick = () => {
      if (stopped || running.has(w.name)) return;
      running.set(w.name, w.run().catch((err) => log?.(`worker ${w.name} error`, err)).finally(() => running.delete(w.name)));
    };
    const t = setInterval(tick, w.everyMs);
    t.unref();
    return t;
  });
  return async () => { stopped = true; timers.forEach(clearInterval); await Promise.all(running.values()); };
}
