// The report's table of child units: a unit's name drills into its own report, a figure opens the records behind it.
import { Button, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ChildRow, RecordKind, Report } from '../../api/reports.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { vietnameseCollator } from '../../shared/format.ts';
import { Link } from '../router.tsx';

type Figure = Exclude<keyof ChildRow, 'code' | 'name' | 'level' | 'era'>;

/** Which records each figure stands for (the list shows their type and state, so "định kỳ" or "quá hạn" can be read off it). */
export const FIGURE_RECORDS: Record<Figure, RecordKind> = {
  conferencesHeld: 'conferences', periodic: 'conferences', adHoc: 'conferences',
  recommendationsRaised: 'recommendations', recommendationsResolved: 'recommendations',
  supervisionVisits: 'supervision', critiqueSessions: 'critique',
  casesReceived: 'cases', casesResolved: 'cases', casesOverdue: 'cases',
};
const FIGURES = Object.keys(FIGURE_RECORDS) as Figure[];

interface Props {
  report: Report;
  /** The report page's address of a child unit, same period. */
  hrefOf: (code: string) => string;
  onFigure: (child: ChildRow, figure: Figure) => void;
}

export function ChildrenTable({ report, hrefOf, onFigure }: Props) {
  const { t } = useI18n();
  const rows = report.children;
  const bothEras = new Set(rows.map((r) => r.era)).size > 1;
  const total = Object.fromEntries(FIGURES.map((f) => [f, rows.reduce((n, r) => n + r[f], 0)])) as Record<Figure, number>;

  const columns: TableColumnsType<ChildRow> = [
    {
      title: t('console.reports.children.unit'), key: 'name', fixed: 'left', width: 170,
      sorter: (a: ChildRow, b: ChildRow) => vietnameseCollator.compare(a.name, b.name),
      render: (_: unknown, r: ChildRow) => (
        <span className="report-child-name">
          <Link to={hrefOf(r.code)} data-testid={`report-child-${r.code}`}>{r.name}</Link>
          {bothEras && <Tag className="report-era">{t(`console.reports.era.${r.era}`)}</Tag>}
        </span>
      ),
    },
    ...FIGURES.map((f) => ({
      title: t(`console.reports.children.${f}`), key: f, dataIndex: f, align: 'right' as const, width: 96,
      sorter: (a: ChildRow, b: ChildRow) => a[f] - b[f],
      render: (value: number, r: ChildRow) => (value > 0 ? (
        <Button type="link" size="small" className="report-figure" onClick={() => onFigure(r, f)} data-testid={`report-figure-${r.code}-${f}`}>
          {value.toLocaleString('vi')}
        </Button>
      ) : <span className="report-zero">0</span>),
    })),
  ];

  return (
    <Table<ChildRow>
      rowKey={(r) => `${r.era}-${r.code}`}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 170 + FIGURES.length * 96 }}
      locale={{ emptyText: t('console.reports.children.none') }}
      data-testid="report-children"
      summary={() => rows.length > 1 ? (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}><Typography.Text strong>{t('console.reports.children.total')}</Typography.Text></Table.Summary.Cell>
          {FIGURES.map((f, i) => (
            <Table.Summary.Cell key={f} index={i + 1} align="right"><Typography.Text strong>{total[f].toLocaleString('vi')}</Typography.Text></Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      ) : null}
    />
  );
}
