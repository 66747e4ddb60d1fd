// One conference: its plan (chairs, invited groups), what was recorded, and each recommendation with its answer or
// its case; the organiser edits the plan, records the results or that it did not take place, and publishes it.
import { ArrowLeftOutlined, EditOutlined, ExportOutlined, StopOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Result, Space, Spin, Switch, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { getConference, recordNotHeld, setPublished } from '../../api/dialogue.ts';
import type { Conference, Recommendation } from '../../api/dialogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatDay, formatInstant } from '../../shared/format.ts';
import { Link } from '../router.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { useLoader } from '../shared/useLoader.ts';
import { RecommendationTag, StatusTag, resultsPath } from './dialogueUi.tsx';
import { PlanDialog } from './PlanDialog.tsx';
import { RecordDialog } from './RecordDialog.tsx';

export default function ConferencePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const loaded = useLoader((signal) => getConference(id, signal), [id]);
  const [dialog, setDialog] = useState<'edit' | 'record' | 'notHeld' | null>(null);
  const [opening, setOpening] = useState(0);
  const [publishing, setPublishing] = useState(false);
  const open = (d: 'edit' | 'record' | 'notHeld') => {
    setOpening((n) => n + 1);
    setDialog(d);
  };

  if (loaded.loading && !loaded.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (loaded.error) {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={errorMessage(loaded.error, t)}
        extra={<Link to="/dialogue">{t('dialogue.back')}</Link>}
        data-testid="dialogue-not-found"
      />
    );
  }
  const c = loaded.data!;
  const saved = () => {
    message.success(t('common.saved'));
    loaded.reload();
  };

  const togglePublished = async (published: boolean) => {
    setPublishing(true);
    try {
      await setPublished(c.id, published);
      saved();
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setPublishing(false);
    }
  };

  const facts: DescriptionsProps['items'] = [
    { key: 'when', label: t('dialogue.detail.when'), children: <span data-testid="dialogue-when">{[c.startsAt, formatDay(c.heldOn)].filter(Boolean).join(' · ')}</span> },
    { key: 'place', label: t('dialogue.detail.place'), children: c.place },
    { key: 'unit', label: t('dialogue.detail.unit'), children: `${c.unit.name} (${t(`unitLevel.${c.level}`)})` },
    { key: 'organiser', label: t('dialogue.detail.organiser'), children: c.organisation.name },
    {
      key: 'chairs', label: t('dialogue.detail.chairs'),
      children: (
        <ul className="dialogue-plain-list">
          {c.chairs.map((x, i) => (
            <li key={i}>
              {x.name} — {x.position} <Typography.Text type="secondary">({t(`dialogue.side.${x.side}`)})</Typography.Text>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'invited', label: t('dialogue.detail.invited'),
      children: c.invited.length || c.residentsUnit ? (
        <ul className="dialogue-plain-list">
          {c.invited.map((x, i) => (
            <li key={i}>
              {x.group === 'nguoi_dan' && c.residentsUnit ? t('dialogue.detail.residentsOf', { unit: c.residentsUnit.name }) : t(`dialogue.group.${x.group}`)}
              {x.note ? `: ${x.note}` : ''}
            </li>
          ))}
          {c.residentsUnit && !c.invited.some((x) => x.group === 'nguoi_dan') && <li>{t('dialogue.detail.residentsOf', { unit: c.residentsUnit.name })}</li>}
        </ul>
      ) : '—',
    },
    ...(c.status === 'held' ? [{ key: 'attendance', label: t('dialogue.detail.attendance'), children: <span data-testid="dialogue-attendance">{c.attendance ?? '—'}</span> }] : []),
    ...(c.recordedAt ? [{ key: 'recorded', label: t('dialogue.detail.recordedAt'), children: formatInstant(c.recordedAt) }] : []),
    ...(c.status === 'planned' ? [{ key: 'reminded', label: t('dialogue.detail.reminded'), children: c.remindedAt ? formatInstant(c.remindedAt) : t('dialogue.detail.notReminded') }] : []),
  ];
  const onPortal = c.published && c.status !== 'not_held';

  return (
    <div className="dialogue-page" data-testid="dialogue-page">
      <Link to="/dialogue" className="dialogue-back">
        <ArrowLeftOutlined /> {t('dialogue.back')}
      </Link>
      <Typography.Title level={2} className="page-title" data-testid="dialogue-topic">
        {c.topic}
      </Typography.Title>
      <Space size={4} wrap style={{ marginBottom: 12 }} data-testid="dialogue-tags">
        <StatusTag status={c.status} />
        <Tag>{t(`dialogue.type.${c.type}`)}</Tag>
        <Tag>{t(`dialogue.form.${c.form}`)}</Tag>
        {c.source === 'import' && <Tag>{t('dialogue.imported')}</Tag>}
      </Space>

      <Card size="small" className="dialogue-card">
        <Space wrap>
          {c.abilities.record && (
            <Button type="primary" icon={<FormOutlined />} onClick={() => open('record')} data-testid="dialogue-record">
              {t('dialogue.record.open')}
            </Button>
          )}
          {c.abilities.edit && (
            <Button icon={<EditOutlined />} onClick={() => open('edit')} data-testid="dialogue-edit">
              {t('dialogue.plan.edit')}
            </Button>
          )}
          {c.abilities.record && (
            <Button danger icon={<StopOutlined />} onClick={() => open('notHeld')} data-testid="dialogue-not-held">
              {t('dialogue.notHeld.open')}
            </Button>
          )}
          {c.abilities.publish && (
            <label className="dialogue-switch">
              <Switch checked={c.published} loading={publishing} onChange={(v) => void togglePublished(v)} data-testid="dialogue-publish" />
              {t('dialogue.publishToggle')}
            </label>
          )}
          {onPortal && (
            <a href={resultsPath(c.id)} target="_blank" rel="noreferrer" data-testid="dialogue-results-link">
              <ExportOutlined /> {t('dialogue.resultsLink')}
            </a>
          )}
        </Space>
        {!c.abilities.publish && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {c.published ? t('dialogue.published') : t('dialogue.notPublished')}
          </Typography.Paragraph>
        )}
      </Card>

      {c.status === 'not_held' && (
        <Alert type="warning" showIcon title={t('dialogue.notHeld.banner')} description={c.notHeldReason} style={{ marginBottom: 12 }} data-testid="dialogue-not-held-reason" />
      )}

      <Card size="small" className="dialogue-card">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={facts} data-testid="dialogue-facts" />
      </Card>

      {c.status === 'held' && (
        <Card
          size="small"
          className="dialogue-card"
          title={t('dialogue.detail.recommendations', { count: c.recommendations.length })}
          extra={<Typography.Text type="secondary">{t('dialogue.list.counts', { raised: c.counts.raised, answered: c.counts.answered + c.counts.resolved, inProgress: c.counts.inProgress })}</Typography.Text>}
        >
          {c.recommendations.length === 0 ? (
            <Empty description={t('dialogue.detail.noRecommendations')} />
          ) : (
            <ol className="dialogue-recs" data-testid="dialogue-recommendations">
              {c.recommendations.map((r) => <RecommendationItem key={r.id} r={r} />)}
            </ol>
          )}
        </Card>
      )}

      <PlanDialog key={`edit-${opening}`} open={dialog === 'edit'} unit={c.unit.code} editing={c} onClose={() => setDialog(null)} onSaved={saved} />
      <RecordDialog key={`record-${opening}`} conference={dialog === 'record' ? c : null} onClose={() => setDialog(null)} onSaved={saved} />
      <NotHeldDialog key={`not-held-${opening}`} conference={dialog === 'notHeld' ? c : null} onClose={() => setDialog(null)} onSaved={saved} />
    </div>
  );
}

function RecommendationItem({ r }: { r: Recommendation }) {
  const { t } = useI18n();
  return (
    <li className="dialogue-rec" data-testid={`dialogue-rec-item-${r.seq}`}>
      <div className="dialogue-rec__head">
        <Typography.Text strong>{r.raisedBy}</Typography.Text>
        <Typography.Text type="secondary">
          {' '}· {r.field.name}
          {r.place ? ` · ${r.place.name}` : ''}
        </Typography.Text>
        <RecommendationTag status={r.status} />
      </div>
      <Typography.Paragraph className="dialogue-text" style={{ marginBottom: 4 }}>
        {r.content}
      </Typography.Paragraph>
      {r.answer && (
        <div className="dialogue-answer">
          <Typography.Text type="secondary">
            {r.status === 'answered' ? t('dialogue.detail.answeredOnSpot', { by: r.answeredBy ?? '' }) : t('dialogue.detail.resolvedOn', { date: formatDay(r.resolvedOn), by: r.answeredBy ?? '' })}
          </Typography.Text>
          <Typography.Paragraph className="dialogue-text" style={{ marginBottom: 0 }}>
            {r.answer}
          </Typography.Paragraph>
        </div>
      )}
      {r.status === 'in_progress' && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t('dialogue.detail.inProgress', { by: r.answeredBy ?? '', date: formatDay(r.dueOn) })}
        </Typography.Text>
      )}
      {r.case && (
        <Typography.Text style={{ display: 'block' }}>
          {t('dialogue.detail.case')}{' '}
          <Link to={`/cases/${r.case.id}`} data-testid={`dialogue-rec-case-link-${r.seq}`}>
            {r.case.number}
          </Link>
        </Typography.Text>
      )}
    </li>
  );
}

function NotHeldDialog({ conference, onClose, onSaved }: { conference: Conference | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      open={conference !== null}
      title={t('dialogue.notHeld.title')}
      form={form}
      onSubmit={async (v) => {
        await recordNotHeld(conference!.id, v.reason.trim());
        onSaved();
      }}
      onClose={onClose}
      okText={t('dialogue.notHeld.submit')}
      testId="dialogue-not-held"
    >
      <Form.Item name="reason" label={t('dialogue.notHeld.reason')} rules={[{ required: true, message: t('dialogue.required') }, { min: 5, max: 2000, message: t('dialogue.length', { min: 5, max: 2000 }) }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="dialogue-not-held-input" />
      </Form.Item>
    </FormModal>
  );
}
