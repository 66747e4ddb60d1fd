// Small pieces the case screens share: kind, state and flag tags, the deadline with its lunar date, the field list,
// and a unit selector that may be left empty.
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CSSProperties } from 'react';
import { listCaseFields } from '../../api/cases.ts';
import type { CaseDeadline, CaseField, CaseKind, CaseState, CaseSummary } from '../../api/cases.ts';
import { formatLunar } from '../../api/calendar.ts';
import { lunarShort, useLunar } from '../../api/lunarDay.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../shared/format.ts';

const kindColour: Record<CaseKind, string> = { kien_nghi: 'blue', phan_anh: 'cyan', khieu_nai: 'gold', to_cao: 'magenta' };

export function KindTag({ kind }: { kind: CaseKind }) {
  const { t } = useI18n();
  return <Tag color={kindColour[kind]}>{t(`caseKind.${kind}`)}</Tag>;
}

const stateColour: Partial<Record<CaseState, string>> = {
  received: 'blue',
  accepted: 'geekblue',
  verified: 'purple',
  decided: 'volcano',
  answered: 'green',
  closed: 'default',
};

export function StateTag({ state }: { state: CaseState }) {
  const { t } = useI18n();
  return <Tag color={stateColour[state] ?? 'default'}>{t(`caseState.${state}`)}</Tag>;
}

/** The flags worth a glance in a list: group visit, over level, duplicate, confidential, complex, remote. */
export function FlagTags({ flags }: { flags: CaseSummary['flags'] }) {
  const { t } = useI18n();
  const shown = (Object.keys(flags) as (keyof CaseSummary['flags'])[]).filter((k) => flags[k]);
  if (shown.length === 0) return null;
  return (
    <span className="case-flags">
      {shown.map((k) => (
        <Tag key={k} color={k === 'confidential' ? 'red' : undefined} variant="outlined" data-testid={`case-flag-${k}`}>
          {t(`caseFlag.${k}`)}
        </Tag>
      ))}
    </span>
  );
}

/** "(12/10 ÂL)": the lunar date, small, beside a solar one; nothing while unknown. */
export function LunarNote({ day }: { day: string | null | undefined }) {
  const { t, lang } = useI18n();
  const lunar = useLunar(day);
  if (!lunar) return null;
  // The long form ("mùng 1 tháng Giêng") from the calendar client, as a tooltip.
  const title = `${t('cases.lunarTitle')}: ${formatLunar(lunar, lang)}`;
  return (
    <Typography.Text type="secondary" className="lunar-note" title={title} data-testid="lunar-note">
      {t('cases.lunar', { date: lunarShort(lunar, t('cases.leap')) })}
    </Typography.Text>
  );
}

/** "còn 3 ngày làm việc", "quá hạn 2 ngày" (red) or "sắp đến hạn" (orange). */
export function DaysLeft({ deadline }: { deadline: CaseDeadline }) {
  const { t } = useI18n();
  if (!deadline.dueOn || deadline.daysLeft === null) return null;
  if (deadline.overdue) {
    return (
      <Typography.Text type="danger" strong className="deadline-days" data-testid="deadline-days">
        {t('cases.overdueBy', { count: Math.abs(deadline.daysLeft) || 1 })}
      </Typography.Text>
    );
  }
  const left = deadline.daysLeft === 0 ? t('cases.dueToday') : t('cases.daysLeft', { count: deadline.daysLeft });
  return (
    <span className="deadline-days" data-testid="deadline-days">
      <Typography.Text type={deadline.dueSoon ? 'warning' : 'secondary'}>{left}</Typography.Text>
      {deadline.dueSoon && (
        <Tag color="orange" className="deadline-soon">
          {t('cases.dueSoon2')}
        </Tag>
      )}
    </span>
  );
}

/** A deadline: solar dd/MM/yyyy, the lunar date small beside it, then days left; the legal basis as a tooltip. */
export function DeadlineView({ deadline, testId, style }: { deadline: CaseDeadline; testId?: string; style?: CSSProperties }) {
  const { t } = useI18n();
  if (!deadline.dueOn) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('cases.noDeadline')}
      </Typography.Text>
    );
  }
  const body = (
    <span className="deadline" data-testid={testId} style={style}>
      <span className="deadline-date">
        <Typography.Text strong={deadline.overdue || deadline.dueSoon} data-testid={testId ? `${testId}-date` : undefined}>
          {formatDay(deadline.dueOn)}
        </Typography.Text>{' '}
        <LunarNote day={deadline.dueOn} />
      </span>
      <DaysLeft deadline={deadline} />
    </span>
  );
  return deadline.basis ? <Tooltip title={deadline.basis}>{body}</Tooltip> : body;
}

let fieldsCache: Promise<CaseField[]> | null = null;

/** The field list (lĩnh vực), loaded once per page load. */
export function useCaseFields(): CaseField[] {
  const [fields, setFields] = useState<CaseField[]>([]);
  useEffect(() => {
    if (!fieldsCache) {
      fieldsCache = listCaseFields().catch((error: unknown) => {
        fieldsCache = null;
        throw error;
      });
    }
    let live = true;
    fieldsCache.then(
      (items) => live && setFields(items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return fields;
}

export { UnitSelect } from '../shared/UnitPicker.tsx';

/** Round and flags after the tags in a header. */
export function CaseTags({ c }: { c: CaseSummary }) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      <KindTag kind={c.kind} />
      <StateTag state={c.state} />
      {c.round > 1 && <Tag color="purple">{t('cases.round', { round: c.round })}</Tag>}
      <FlagTags flags={c.flags} />
    </Space>
  );
}
