// Portal page /tiep-cong-dan: a resident picks their commune (or province), sees the leaders' reception schedules with
// the slots that still have places in the next 30 days, books one with name, phone and subject, and gets a code.
// Plain React and CSS (no UI library), mobile first; the chosen unit stays in the address (?unit=CODE).
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { ApiError } from '../../api/client.ts';
import { getUnit } from '../../api/units.ts';
import { book, publicSchedules } from '../../api/reception.ts';
import type { BookingConfirmation, PublicSchedule, PublicSlot } from '../../api/reception.ts';
import type { Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TFunction } from '../../i18n/I18nProvider.tsx';
import { errorMessage, isAbort } from '../../shared/errors.ts';
import { placeLine } from '../../shared/units.ts';
import { useUnitSearch } from '../../shared/useUnitSearch.ts';
import './reception.css';

interface Chosen { code: string; name: string; place: string }
interface Picked { schedule: PublicSchedule; slot: PublicSlot }

const DAYS_SHOWN = 5;
const ZONE = 'Asia/Ho_Chi_Minh';

function dayKey(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(iso));
}
function dayLabel(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: ZONE, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}
function time(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
const slotText = (s: { start: string; end: string }) => `${time(s.start)}–${time(s.end)}`;

function unitFromUrl(): string | null {
  const code = new URLSearchParams(window.location.search).get('unit');
  return code && /^[0-9A-Za-z]{1,16}$/.test(code) ? code.toUpperCase() : null;
}

function keepUnitInUrl(code: string | null): void {
  const url = new URL(window.location.href);
  if (code) url.searchParams.set('unit', code);
  else url.searchParams.delete('unit');
  window.history.replaceState(window.history.state, '', url);
}

export default function ReceptionPage() {
  const { t, lang } = useI18n();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [done, setDone] = useState<BookingConfirmation | null>(null);

  // A unit in the address (a shared link, a reload) is looked up once.
  useEffect(() => {
    const code = unitFromUrl();
    if (!code) return;
    const controller = new AbortController();
    getUnit(code, controller.signal).then(
      (u) => setChosen({ code: u.code, name: u.name, place: placeLine(u) }),
      () => keepUnitInUrl(null),
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    document.title = `${t('portal.reception.title')} — ${t('app.name')}`;
  }, [t]);

  const choose = (unit: Chosen | null) => {
    setChosen(unit);
    setDone(null);
    keepUnitInUrl(unit?.code ?? null);
  };

  return (
    <div className="container page reception">
      <h1>
        {t('portal.reception.title')}
      </h1>
      <p className="lead">{t('portal.reception.intro')}</p>
      {done ? (
        <Confirmation done={done} onAnother={() => setDone(null)} />
      ) : (
        <>
          <UnitChoice chosen={chosen} onChoose={choose} />
          {chosen && <Schedules key={`${chosen.code}:${lang}`} unit={chosen} onBooked={setDone} />}
        </>
      )}
    </div>
  );
}

function UnitChoice({ chosen, onChoose }: { chosen: Chosen | null; onChoose: (unit: Chosen | null) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const search = useUnitSearch(chosen ? '' : text);
  const input = useRef<HTMLInputElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  const [moved, setMoved] = useState<'picked' | 'cleared' | null>(null);

  useEffect(() => {
    if (moved === 'picked') change.current?.focus();
    if (moved === 'cleared') input.current?.focus();
    setMoved(null);
  }, [moved]);

  if (chosen) {
    return (
      <div className="reception__chosen" data-testid="portal-reception-unit">
        <div>
          <span className="reception__chosen-name">{chosen.name}</span>
          {chosen.place && <span className="reception__chosen-place">{chosen.place}</span>}
        </div>
        <button
          ref={change}
          type="button"
          className="reception__link"
          onClick={() => {
            setText('');
            onChoose(null);
            setMoved('cleared');
          }}
          data-testid="portal-reception-unit-change"
        >
          {t('portal.reception.change')}
        </button>
      </div>
    );
  }

  let status = '';
  if (search.status === 'loading') status = t('portal.reception.searching');
  else if (search.status === 'error') status = errorMessage(search.error, t);
  else if (search.status === 'done') status = search.items.length ? t('portal.reception.results', { count: search.items.length }) : t('portal.reception.noUnits', { q: search.query });

  const pick = (u: Unit) => {
    onChoose({ code: u.code, name: u.name, place: placeLine(u) });
    setMoved('picked');
  };

  return (
    <form className="reception__unit" role="search" onSubmit={(e) => e.preventDefault()}>
      <label className="reception__label" htmlFor="portal-reception-unit-search">
        {t('portal.reception.unitLabel')}
      </label>
      <p className="reception__hint" id="portal-reception-unit-hint">
        {t('portal.reception.unitHint')}
      </p>
      <input
        ref={input}
        id="portal-reception-unit-search"
        className="reception__input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('portal.reception.unitPlaceholder')}
        aria-describedby="portal-reception-unit-hint portal-reception-unit-status"
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="portal-reception-unit-search"
      />
      <p id="portal-reception-unit-status" className="reception__status" role="status" aria-live="polite">
        {status}
      </p>
      {search.items.length > 0 && (
        <ul className="reception__units" data-testid="portal-reception-unit-results">
          {search.items.map((u) => (
            <li key={u.code}>
              <button type="button" className="reception__unit-option" onClick={() => pick(u)} data-testid={`portal-reception-unit-${u.code}`}>
                <span className="reception__unit-name">{u.name}</span>
                <span className="reception__unit-place">{placeLine(u)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

function Schedules({ unit, onBooked }: { unit: Chosen; onBooked: (done: BookingConfirmation) => void }) {
  const { t } = useI18n();
  const [items, setItems] = useState<PublicSchedule[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const [picked, setPicked] = useState<Picked | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    publicSchedules(unit.code, controller.signal).then(setItems, (e: unknown) => {
      if (!isAbort(e)) setError(e);
    });
    return () => controller.abort();
  }, [unit.code, round]);

  if (error) {
    return (
      <div className="reception__alert" role="alert">
        <p>{errorMessage(error, t)}</p>
        <button type="button" className="reception__button reception__button--secondary" onClick={() => setRound((n) => n + 1)}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!items) return <p className="reception__status" role="status">{t('portal.reception.loading')}</p>;
  if (items.length === 0) return <p className="reception__empty" data-testid="portal-reception-none">{t('portal.reception.none')}</p>;

  return (
    <section aria-labelledby="portal-reception-schedules-title" data-testid="portal-reception-schedules">
      <h2 id="portal-reception-schedules-title">{t('portal.reception.schedulesTitle')}</h2>
      {items.map((s) => (
        <article key={s.id} className="reception__schedule" data-testid={`portal-reception-schedule-${s.id}`} aria-labelledby={`schedule-${s.id}`}>
          <h3 id={`schedule-${s.id}`}>
            {s.leaderName}
            <span className="reception__schedule-title">{s.leaderTitle}</span>
          </h3>
          <dl className="reception__facts">
            <dt>{t('portal.reception.when')}</dt>
            <dd>{s.frequencyText}</dd>
            <dt>{t('portal.reception.place')}</dt>
            <dd>
              {s.place}
              <span className="reception__org">
                {s.organisationName} · {s.unit.name}
              </span>
            </dd>
          </dl>
          <SlotPicker schedule={s} picked={picked?.schedule.id === s.id ? picked.slot : null} onPick={(slot) => setPicked({ schedule: s, slot })} />
          {picked?.schedule.id === s.id && (
            <BookingForm
              picked={picked}
              onCancel={() => setPicked(null)}
              onBooked={onBooked}
              onStale={() => {
                setPicked(null);
                setRound((n) => n + 1);
              }}
            />
          )}
        </article>
      ))}
    </section>
  );
}

function SlotPicker({ schedule, picked, onPick }: { schedule: PublicSchedule; picked: PublicSlot | null; onPick: (slot: PublicSlot) => void }) {
  const { t, lang } = useI18n();
  const [shown, setShown] = useState(DAYS_SHOWN);
  const days = new Map<string, PublicSlot[]>();
  for (const slot of schedule.slots) {
    const key = dayKey(slot.start);
    days.set(key, [...(days.get(key) ?? []), slot]);
  }
  const open = [...days.entries()].filter(([, slots]) => slots.some((s) => s.remaining > 0));
  if (open.length === 0) return <p className="reception__empty">{t('portal.reception.noSlots')}</p>;
  return (
    <div className="reception__slots">
      <h4>{t('portal.reception.slotsTitle')}</h4>
      {open.slice(0, shown).map(([day, slots]) => (
        <fieldset key={day} className="reception__day">
          <legend>{dayLabel(slots[0]!.start, lang)}</legend>
          <ul>
            {slots.map((slot) => {
              const full = slot.remaining === 0;
              const current = picked?.start === slot.start;
              return (
                <li key={slot.start}>
                  <button
                    type="button"
                    className={current ? 'reception__slot reception__slot--picked' : 'reception__slot'}
                    disabled={full}
                    aria-pressed={current}
                    onClick={() => onPick(slot)}
                    data-testid="portal-reception-slot"
                    data-start={slot.start}
                  >
                    <span className="reception__slot-time">{slotText(slot)}</span>
                    <span className="reception__slot-left">{full ? t('portal.reception.full') : t('portal.reception.remaining', { n: slot.remaining })}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      {open.length > shown && (
        <button type="button" className="reception__link" onClick={() => setShown((n) => n + DAYS_SHOWN)} data-testid="portal-reception-more-days">
          {t('portal.reception.moreDays')}
        </button>
      )}
    </div>
  );
}

interface FieldErrors { name?: string; phone?: string; subject?: string }

function check(values: { name: string; phone: string; subject: string }, t: TFunction): FieldErrors {
  const f = (k: string) => t(`portal.reception.form.${k}`);
  const out: FieldErrors = {};
  if (!values.name.trim()) out.name = t('portal.reception.form.required', { field: f('name').toLowerCase() });
  else if (values.name.trim().length < 2) out.name = t('portal.reception.form.tooShort', { field: f('name'), min: 2 });
  if (!values.phone.trim()) out.phone = t('portal.reception.form.required', { field: f('phone').toLowerCase() });
  else if (!/^\+?[0-9 .-]{8,15}$/.test(values.phone.trim())) out.phone = f('phoneInvalid');
  if (!values.subject.trim()) out.subject = t('portal.reception.form.required', { field: f('subject').toLowerCase() });
  else if (values.subject.trim().length < 5) out.subject = t('portal.reception.form.tooShort', { field: f('subject'), min: 5 });
  return out;
}

const STALE = new Set(['slot_full', 'slot_in_past', 'slot_unknown', 'reception_schedule_not_found']);

function BookingForm({ picked, onCancel, onBooked, onStale }: { picked: Picked; onCancel: () => void; onBooked: (d: BookingConfirmation) => void; onStale: () => void }) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState({ name: '', phone: '', subject: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string[] | null>(null);
  const [sending, setSending] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  const f = (k: string) => t(`portal.reception.form.${k}`);

  useEffect(() => {
    title.current?.focus();
  }, [picked.slot.start]);
  useEffect(() => {
    if (problem) alert.current?.focus();
  }, [problem]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check(values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setProblem([t('portal.reception.form.errorsTitle'), ...Object.values(found)]);
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      onBooked(await book({ scheduleId: picked.schedule.id, slotStart: picked.slot.start, name: values.name.trim(), phone: values.phone.trim(), subject: values.subject.trim() }));
    } catch (error) {
      // The server's own sentence (Vietnamese, or English when asked), then what it says about each field.
      const detail = error instanceof ApiError && error.detail ? error.detail : errorMessage(error, t);
      const label = (field: string) => (field === 'name' || field === 'phone' || field === 'subject' ? f(field) : field);
      const fields = error instanceof ApiError ? error.errors.map((x) => `${label(x.field)}: ${x.message}`) : [];
      setProblem([detail, ...fields]);
      if (error instanceof ApiError && STALE.has(error.code)) onStale();
    } finally {
      setSending(false);
    }
  };

  const field = (name: keyof FieldErrors, input: (props: Record<string, unknown>) => ReactElement, hint?: string) => {
    const id = `portal-reception-${name}`;
    const described = [hint && `${id}-hint`, errors[name] && `${id}-error`].filter(Boolean).join(' ') || undefined;
    return (
      <div className={errors[name] ? 'reception__field reception__field--error' : 'reception__field'}>
        <label className="reception__label" htmlFor={id}>
          {f(name)}
        </label>
        {hint && (
          <p className="reception__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        {errors[name] && (
          <p className="reception__error" id={`${id}-error`}>
            {errors[name]}
          </p>
        )}
        {input({
          id,
          value: values[name],
          'aria-invalid': errors[name] ? true : undefined,
          'aria-required': true,
          'aria-describedby': described,
          'data-testid': id,
          onChange: (ev: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: ev.target.value })),
        })}
      </div>
    );
  };

  return (
    <form className="reception__form" onSubmit={submit} noValidate data-testid="portal-reception-form">
      <h4 ref={title} tabIndex={-1}>
        {f('title')}
      </h4>
      <p className="reception__picked" data-testid="portal-reception-picked">
        {f('chosen')}: <strong>{dayLabel(picked.slot.start, lang)}, {slotText(picked.slot)}</strong>
      </p>
      {problem && (
        <div ref={alert} className="reception__alert" role="alert" tabIndex={-1} data-testid="portal-reception-error">
          <p className="reception__alert-title">{problem[0]}</p>
          {problem.length > 1 && (
            <ul>
              {problem.slice(1).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {field('name', (p) => <input {...p} className="reception__input" type="text" autoComplete="name" maxLength={200} />)}
      {field('phone', (p) => <input {...p} className="reception__input" type="tel" inputMode="tel" autoComplete="tel" maxLength={20} />, f('phoneHint'))}
      {field('subject', (p) => <textarea {...p} className="reception__input reception__input--area" rows={4} maxLength={2000} />, f('subjectHint'))}
      <p className="reception__hint">{f('privacy')}</p>
      <div className="reception__actions">
        <button type="submit" className="reception__button" disabled={sending} data-testid="portal-reception-submit">
          {sending ? f('sending') : f('submit')}
        </button>
        <button type="button" className="reception__button reception__button--secondary" onClick={onCancel}>
          {f('back')}
        </button>
      </div>
    </form>
  );
}

function Confirmation({ done, onAnother }: { done: BookingConfirmation; onAnother: () => void }) {
  const { t, lang } = useI18n();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, []);
  const d = (k: string) => t(`portal.reception.done.${k}`);
  return (
    <section className="reception__done" aria-labelledby="portal-reception-done-title" data-testid="portal-reception-done">
      <h2 id="portal-reception-done-title" ref={title} tabIndex={-1}>
        {d('title')}
      </h2>
      <p className="reception__code-label">{d('code')}</p>
      <p className="reception__code" data-testid="portal-reception-code">
        {done.code}
      </p>
      <p>{d('keep')}</p>
      <dl className="reception__facts">
        <dt>{d('when')}</dt>
        <dd data-testid="portal-reception-done-when">
          {dayLabel(done.slotStart, lang)}, {slotText({ start: done.slotStart, end: done.slotEnd })}
        </dd>
        <dt>{d('where')}</dt>
        <dd>{done.place}</dd>
        <dt>{d('who')}</dt>
        <dd>
          {done.leaderName}, {done.leaderTitle}
        </dd>
        <dt>{d('unit')}</dt>
        <dd>{done.unit.name}</dd>
      </dl>
      <button type="button" className="reception__button reception__button--secondary" onClick={onAnother} data-testid="portal-reception-another">
        {d('another')}
      </button>
    </section>
  );
}
