// The report's charts with Apache ECharts (only the bar and pie charts and the components used, canvas renderer),
// loaded lazily by the report page so the console's first load does not carry them.
import { Card } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption, ECharts } from 'echarts/core';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { Report } from '../../api/reports.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption>;

/** The console's red first, then calm colours that stay apart for readers with colour-vision deficiency. */
const PALETTE = ['#a4161a', '#3d5a80', '#e09f3e', '#7a9e7e', '#8e7dbe', '#5c677d', '#c9a227', '#98c1d9'];

/** One chart: made on mount, updated when its option changes, resized with its box, disposed on unmount. */
function EChart({ option, label, testId, onClick }: { option: Option; label: string; testId: string; onClick?: (dataIndex: number, seriesIndex: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => click.current?.(p.dataIndex, p.seriesIndex ?? 0));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={box} className="report-chart" role="img" aria-label={label} data-testid={testId} />;
}

const base = (label: string): Option => ({
  color: PALETTE,
  aria: { enabled: true, label: { description: label } },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  textStyle: { fontFamily: 'inherit' },
  animationDuration: 300,
});

interface Props {
  report: Report;
  /** A level row of the conferences chart was clicked. */
  onLevel?: (level: string, era: string) => void;
}

export default function ReportCharts({ report, onLevel }: Props) {
  const { t } = useI18n();
  const c = report.current;
  const p = report.prior;

  const levels = c.conferences.byLevel;
  const bothEras = new Set(levels.map((l) => l.era)).size > 1;
  const levelName = (l: { level: string; era: string }) =>
    bothEras && l.level !== 'province' && l.level !== 'central' ? `${t(`unitLevel.${l.level}`)} (${t(`console.reports.era.${l.era}`)})` : t(`unitLevel.${l.level}`);

  const byLevel = useMemo<Option>(() => ({
    ...base(t('console.reports.charts.byLevel')),
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: levels.map(levelName), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('console.reports.charts.periodic'), type: 'bar', stack: 'held', data: levels.map((l) => l.periodic), barMaxWidth: 48 },
      { name: t('console.reports.charts.adHoc'), type: 'bar', stack: 'held', data: levels.map((l) => l.adHoc), barMaxWidth: 48 },
    ],
  }), [report, t]);

  const channels = Object.entries(c.cases.byChannel).filter(([, n]) => n > 0).sort((a, b) => a[1] - b[1]);
  const byChannel = useMemo<Option>(() => ({
    ...base(t('console.reports.charts.byChannel')),
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: channels.map(([k]) => t(`caseChannel.${k}`)) },
    series: [{ name: t('console.reports.charts.current'), type: 'bar', data: channels.map(([, n]) => n), barMaxWidth: 28, label: { show: true, position: 'right' } }],
  }), [report, t]);

  const kinds = Object.entries(c.cases.byKind).filter(([, n]) => n > 0);
  const byKind = useMemo<Option>(() => ({
    ...base(t('console.reports.charts.byKind')),
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      name: t('console.reports.charts.byKind'), type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'],
      label: { formatter: '{b}: {c}' },
      data: kinds.map(([k, n]) => ({ name: t(`caseKind.${k}`), value: n })),
    }],
  }), [report, t]);

  const items: [string, (f: Report['current']) => number][] = [
    ['conferences', (f) => f.conferences.held],
    ['recommendations', (f) => f.conferences.recommendations.raised],
    ['supervision', (f) => f.supervision.visits],
    ['critique', (f) => f.supervision.critique.sessions],
    ['cases', (f) => f.cases.received],
    ['resolved', (f) => f.cases.resolved],
  ];
  const compare = useMemo<Option>(() => ({
    ...base(t('console.reports.charts.compare')),
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: items.map(([k]) => t(`console.reports.charts.compareItems.${k}`)), axisLabel: { interval: 0, width: 70, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: `${t('console.reports.charts.current')} (${report.period.label})`, type: 'bar', data: items.map(([, f]) => f(c)), barMaxWidth: 32 },
      { name: `${t('console.reports.charts.prior')} (${report.previous.label})`, type: 'bar', data: items.map(([, f]) => f(p)), barMaxWidth: 32 },
    ],
  }), [report, t]);

  const noData = <div className="report-chart report-chart--empty">{t('console.reports.charts.noData')}</div>;
  return (
    <div className="report-charts" data-testid="report-charts">
      <Card size="small" title={t('console.reports.charts.byLevel')}>
        {levels.length > 0 ? (
          <EChart option={byLevel} label={t('console.reports.charts.byLevel')} testId="report-chart-levels" onClick={(i) => levels[i] && onLevel?.(levels[i].level, levels[i].era)} />
        ) : noData}
      </Card>
      <Card size="small" title={t('console.reports.charts.compare')}>
        <EChart option={compare} label={t('console.reports.charts.compare')} testId="report-chart-compare" />
      </Card>
      <Card size="small" title={t('console.reports.charts.byChannel')}>
        {channels.length > 0 ? <EChart option={byChannel} label={t('console.reports.charts.byChannel')} testId="report-chart-channels" /> : noData}
      </Card>
      <Card size="small" title={t('console.reports.charts.byKind')}>
        {kinds.length > 0 ? <EChart option={byKind} label={t('console.reports.charts.byKind')} testId="report-chart-kinds" /> : noData}
      </Card>
    </div>
  );
}
