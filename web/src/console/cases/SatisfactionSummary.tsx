// One line above the inbox: how residents rated the answers of the unit shown (and its subtree), with the latest comments.
import { SmileOutlined } from '@ant-design/icons';
import { Popover, Rate, Space, Typography } from 'antd';
import { getSatisfaction } from '../../api/satisfaction.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../shared/format.ts';
import { useLoader } from '../shared/useLoader.ts';

export function SatisfactionSummary({ unit }: { unit: string }) {
  const { t } = useI18n();
  const s = useLoader((signal) => getSatisfaction(unit, signal), [unit]);
  if (!s.data) return null;
  const d = s.data;
  if (d.count === 0) {
    return <Typography.Text type="secondary" data-testid="satisfaction-summary"><SmileOutlined aria-hidden /> {t('satisfaction.none', { unit: d.unit.name })}</Typography.Text>;
  }
  const average = (d.average ?? 0).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  const details = (
    <div style={{ maxWidth: 360 }}>
      {[5, 4, 3, 2, 1].map((score) => (
        <div key={score}><Rate disabled value={score} style={{ fontSize: 12 }} /> {d.distribution[score - 1]}</div>
      ))}
      {d.comments.slice(0, 5).map((c) => (
        <Typography.Paragraph key={`${c.caseNumber}-${c.on}`} style={{ margin: '8px 0 0' }}>
          “{c.comment}” <Typography.Text type="secondary">— {t('satisfaction.commentOn', { number: c.caseNumber, day: formatDay(c.on) })}</Typography.Text>
        </Typography.Paragraph>
      ))}
    </div>
  );
  return (
    <Popover content={details} title={t('satisfaction.title', { unit: d.unit.name })} trigger={['hover', 'click']}>
      <Space size={4} data-testid="satisfaction-summary" tabIndex={0} role="button" aria-label={t('satisfaction.summary', { average, count: String(d.count), unit: d.unit.name })}>
        <Rate disabled allowHalf value={Math.round((d.average ?? 0) * 2) / 2} style={{ fontSize: 14 }} />
        <Typography.Text>{t('satisfaction.summary', { average, count: String(d.count), unit: d.unit.name })}</Typography.Text>
      </Space>
    </Popover>
  );
}
