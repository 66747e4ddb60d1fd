// "Hộp việc": the cases in the user's units, most urgent first, filtered through the address bar so a view can be shared.
import { FilterOutlined, PlusOutlined, SearchOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Checkbox, Grid, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ChangeEvent } from 'react';
import { caseChannels, caseFlags, caseKinds, caseStates, listCases } from '../../api/cases.ts';
import type { CaseFilters, CaseSummary } from '../../api/cases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { can, homeUnitCode, useMe } from '../session/SessionProvider.tsx';
import { accentInsensitive } from '../shared/selectSearch.ts';
import { useLoader } from '../shared/useLoader.ts';
import { AssignDialog } from './AssignDialog.tsx';
import { SatisfactionSummary } from './SatisfactionSummary.tsx';
import { DeadlineView, FlagTags, KindTag, StateTag, UnitSelect, useCaseFields } from './caseUi.tsx';

const PAGE_SIZES = [20, 50, 100];
const FILTER_KEYS = ['state', 'kind', 'channel', 'field', 'unit', 'due', 'flag', 'handler', 'open'] as const;

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** Replaces several query parameters at once (and goes back to the first page when a filter changes). */
function setQuery(changes: Record<string, string | null>, resetPage = true): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  if (resetPage) params.delete('page');
  const search = params.toString();
  navigate(search ? `/cases?${search}` : '/cases', { replace: true });
}

export default function CaseInbox() {
  const { t } = useI18n();
  const me = useMe();
  const { query } = useLocation();
  const fields = useCaseFields();
  const [text, setText] = useState(query.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const [showFilters, setShowFilters] = useState(false);
  const [selected, setSelected] = useState<CaseSummary[]>([]);
  const [assigning, setAssigning] = useState(false);
  const mayAssign = can(me, 'case.assign');
  const mayCreate = can(me, 'case.create');
  // Phones get number, title (with kind and state) and deadline, without sideways scrolling.
  const narrow = Grid.useBreakpoint().sm === false;

  // The search box writes to the address after a pause, like the other filters.
  useEffect(() => {
    if ((query.get('q') ?? '') !== q) setQuery({ q: q || null });
  }, [q]);

  const filters: CaseFilters = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value) (filters as Record<string, string>)[key] = value;
  }
  if (q) filters.q = q;
  const pageSize = PAGE_SIZES.includes(Number(query.get('size'))) ? Number(query.get('size')) : 50;
  const page = Math.max(1, Number(query.get('page')) || 1);
  const filterKey = JSON.stringify(filters);
  const activeFilters = FILTER_KEYS.filter((k) => query.get(k)).length;

  const result = useLoader((signal) => listCases(filters, pageSize, (page - 1) * pageSize, signal), [filterKey, page, pageSize]);
  useEffect(() => setSelected([]), [filterKey, page, pageSize]);

  const multi = (key: string, values: readonly string[], label: (v: string) => string, testId: string, placeholder: string) => (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      value={list(query.get(key))}
      onChange={(chosen: string[]) => setQuery({ [key]: chosen.join(',') || null })}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      placeholder={placeholder}
      aria-label={placeholder}
      showSearch={{ filterOption: accentInsensitive }}
      className="case-filter"
      data-testid={testId}
    />
  );

  const flagLabel = (flag: string) => t(`caseFlag.${flag === 'over_level' ? 'overLevel' : flag}`);

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.number'),
      dataIndex: 'number',
      key: 'number',
      width: narrow ? 64 : 80,
      render: (number: string, c: CaseSummary) => (
        <Link to={`/cases/${c.id}`} data-testid={`case-link-${c.number}`}>
          {number}
        </Link>
      ),
    },
    {
      title: t('cases.caseTitle'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, c: CaseSummary) => (
        <div className="case-title-cell">
          <Link to={`/cases/${c.id}`}>{title}</Link>
          {/* On a phone the kind and state columns fold into the title. */}
          <span className="case-title-cell__xs">
            <KindTag kind={c.kind} />
            <StateTag state={c.state} />
          </span>
          <FlagTags flags={c.flags} />
        </div>
      ),
    },
    { title: t('cases.kind'), dataIndex: 'kind', key: 'kind', width: 100, responsive: ['sm'], render: (kind: CaseSummary['kind']) => <KindTag kind={kind} /> },
    { title: t('cases.field'), dataIndex: 'fieldName', key: 'field', width: 120, responsive: ['lg'] },
    {
      title: t('cases.responsibleUnit'),
      key: 'unit',
      width: 140,
      responsive: ['md'],
      render: (_: unknown, c: CaseSummary) => <span title={c.responsibleUnit.code}>{c.responsibleUnit.name}</span>,
    },
    {
      title: t('cases.handler'),
      key: 'handler',
      width: 130,
      responsive: ['md'],
      render: (_: unknown, c: CaseSummary) =>
        c.handler ? c.handler.name : <Typography.Text type="secondary">{t('cases.noHandler')}</Typography.Text>,
    },
    {
      title: t('cases.deadline'),
      key: 'deadline',
      width: narrow ? 132 : 168,
      render: (_: unknown, c: CaseSummary) => <DeadlineView deadline={c.deadline} testId={`case-deadline-${c.number}`} />,
    },
    {
      title: t('cases.state'),
      dataIndex: 'state',
      key: 'state',
      width: 124,
      responsive: ['sm'],
      render: (state: CaseSummary['state']) => <StateTag state={state} />,
    },
  ];

  return (
    <>
      <div className="page-heading">
        <Typography.Title level={2} className="page-title">
          {t('cases.title')}
        </Typography.Title>
        {mayCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cases/new')} data-testid="case-new">
            {t('cases.new')}
          </Button>
        )}
      </div>
      <div style={{ marginBottom: 12 }}>
        <SatisfactionSummary unit={query.get('unit') || homeUnitCode(me)} />
      </div>
      <div className="toolbar" role="search">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          value={text}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setText(e.target.value)}
          placeholder={t('cases.searchPlaceholder')}
          aria-label={t('cases.searchLabel')}
          title={t('cases.searchLabel')}
          className="case-search"
          data-testid="case-search"
        />
        <Checkbox
          checked={query.get('handler') === 'me'}
          onChange={(e) => setQuery({ handler: e.target.checked ? 'me' : null })}
          data-testid="case-filter-mine"
        >
          {t('cases.mine')}
        </Checkbox>
        <Select
          allowClear
          value={query.get('due') ?? undefined}
          onChange={(value: string | undefined) => setQuery({ due: value ?? null })}
          placeholder={t('cases.due')}
          aria-label={t('cases.due')}
          options={[
            { value: 'soon', label: t('cases.dueSoon') },
            { value: 'overdue', label: t('cases.dueOverdue') },
          ]}
          style={{ width: 150 }}
          data-testid="case-filter-due"
        />
        <Badge count={activeFilters} size="small" color="#a4161a">
          <Button icon={<FilterOutlined />} onClick={() => setShowFilters((v) => !v)} aria-expanded={showFilters} data-testid="case-filters-toggle">
            {t('cases.moreFilters')}
          </Button>
        </Badge>
        {activeFilters > 0 && (
          <Button
            type="link"
            onClick={() => setQuery(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}
            data-testid="case-filters-reset"
          >
            {t('cases.reset')}
          </Button>
        )}
      </div>
      {showFilters && (
        <div className="case-filters" data-testid="case-filters">
          {multi('state', caseStates, (v) => t(`caseState.${v}`), 'case-filter-state', t('cases.state'))}
          {multi('kind', caseKinds, (v) => t(`caseKind.${v}`), 'case-filter-kind', t('cases.kind'))}
          {multi('field', fields.map((f) => f.code), (v) => fields.find((f) => f.code === v)?.name ?? v, 'case-filter-field', t('cases.field'))}
          {multi('channel', caseChannels, (v) => t(`caseChannel.${v}`), 'case-filter-channel', t('cases.channel'))}
          {multi('flag', caseFlags, flagLabel, 'case-filter-flag', t('cases.flags'))}
          <UnitSelect
            value={query.get('unit') ?? undefined}
            onChange={(code) => setQuery({ unit: code ?? null })}
            placeholder={t('cases.unit')}
            testId="case-filter-unit"
          />
          <Select
            value={query.get('open') ?? 'true'}
            onChange={(value: string) => setQuery({ open: value === 'true' ? null : value })}
            aria-label={t('cases.open')}
            prefix={`${t('cases.open')}:`}
            options={[
              { value: 'true', label: t('cases.openTrue') },
              { value: 'false', label: t('cases.openFalse') },
              { value: 'all', label: t('cases.openAll') },
            ]}
            className="case-filter"
            data-testid="case-filter-open"
          />
        </div>
      )}
      {mayAssign && selected.length > 0 && (
        <div className="toolbar case-selection" data-testid="case-selection">
          <Typography.Text>{t('cases.selected', { count: selected.length })}</Typography.Text>
          <Button type="primary" icon={<UserSwitchOutlined />} onClick={() => setAssigning(true)} data-testid="case-assign">
            {t('cases.assign')}
          </Button>
        </div>
      )}
      {result.error ? (
        <Alert type="error" showIcon title={errorMessage(result.error, t)} data-testid="case-inbox-error" />
      ) : (
        <Table<CaseSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={result.data?.items ?? []}
          loading={result.loading}
          rowSelection={
            mayAssign
              ? {
                  selectedRowKeys: selected.map((c) => c.id),
                  onChange: (_keys: unknown, rows: CaseSummary[]) => setSelected(rows),
                  getCheckboxProps: (c: CaseSummary) => ({ disabled: ['guided', 'transferred', 'filed', 'split', 'withdrawn', 'closed'].includes(c.state) }),
                }
              : undefined
          }
          rowClassName={(c: CaseSummary) => (c.deadline.overdue ? 'case-row--overdue' : '')}
          pagination={{
            current: page,
            pageSize,
            total: result.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total: number) => t('cases.count', { count: total }),
            onChange: (next: number, size: number) => setQuery({ page: next > 1 ? String(next) : null, size: size !== 50 ? String(size) : null }, false),
          }}
          scroll={narrow ? undefined : { x: 1040 }}
          locale={{ emptyText: t('cases.empty') }}
          data-testid="case-table"
        />
      )}
      <AssignDialog
        open={assigning}
        cases={selected}
        onClose={() => setAssigning(false)}
        onDone={() => {
          setSelected([]);
          result.reload();
        }}
      />
    </>
  );
}
