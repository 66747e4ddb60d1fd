// Tab "Phản biện xã hội": drafts critiqued in the unit (or drafted by its bodies), each with its sessions, the opinions
// raised and the drafting body's response to each; receive a draft, record a session, add opinions, record responses.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { listDrafts } from '../../api/supervision.ts';
import type { CritiqueResponse, CritiqueSession, Draft } from '../../api/supervision.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatDay } from '../../shared/format.ts';
import { can, useMe } from '../session/SessionProvider.tsx';
import { useLoader } from '../shared/useLoader.ts';
import type { Scope } from './SupervisionPage.tsx';
import { DraftDialog, OpinionsDialog, ResponsesDialog, SessionDialog } from './CritiqueDialogs.tsx';

const RESPONSE_COLOR: Record<CritiqueResponse, string> = { tiep_thu: 'green', tiep_thu_mot_phan: 'gold', giai_trinh: 'blue' };

type Dialog = { kind: 'draft' } | { kind: 'session'; draft: Draft } | { kind: 'opinions'; draft: Draft; session: CritiqueSession } | { kind: 'responses'; draft: Draft } | null;

export function CritiqueTab({ scope }: { scope: Scope }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const drafts = useLoader((signal) => listDrafts({ unit: scope.unit, year: scope.year ?? undefined, subtree: scope.subtree }, signal), [scope.unit, scope.year, scope.subtree]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [opening, setOpening] = useState(0);
  const open = (d: Dialog) => {
    setOpening((n) => n + 1);
    setDialog(d);
  };
  const saved = () => {
    message.success(t('common.saved'));
    drafts.reload();
  };

  return (
    <>
      <Space wrap className="supervision-section__head">
        {can(me, 'supervision.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ kind: 'draft' })} data-testid="critique-draft-add">
            {t('console.supervision.critique.add')}
          </Button>
        )}
      </Space>
      {Boolean(drafts.error) && <Alert type="error" showIcon title={errorMessage(drafts.error, t)} style={{ marginBottom: 12 }} />}
      {drafts.data?.length === 0 && <Empty description={t('console.supervision.critique.empty')} />}
      <div className="supervision-cards" data-testid="critique-drafts">
        {(drafts.data ?? []).map((d) => {
          const opinions = d.sessions.flatMap((s) => s.opinions);
          const answered = opinions.filter((o) => o.response).length;
          return (
            <Card
              key={d.id}
              size="small"
              className="supervision-card"
              data-testid={`critique-draft-${d.id}`}
              title={<span className="supervision-card__title">{d.title}</span>}
            >
              {opinions.length > 0 && (
                <Tag color={answered === opinions.length ? 'green' : 'default'} style={{ marginBottom: 8 }} data-testid={`critique-draft-answered-${d.id}`}>
                  {t('console.supervision.critique.answeredCount', { answered, total: opinions.length })}
                </Tag>
              )}
              <dl className="supervision-facts">
                <dt>{t('console.supervision.critique.drafting')}</dt>
                <dd>{d.drafting.unit && d.drafting.unit.code !== d.unit.code ? `${d.drafting.name} (${d.drafting.unit.name})` : d.drafting.name}</dd>
                <dt>{t('console.supervision.critique.critic')}</dt>
                <dd>{d.organisation.name}</dd>
                <dt>{t('console.supervision.critique.received')}</dt>
                <dd>{formatDay(d.receivedOn)}</dd>
                {d.summary && (
                  <>
                    <dt>{t('console.supervision.critique.summary')}</dt>
                    <dd>
                      <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>{d.summary}</Typography.Paragraph>
                    </dd>
                  </>
                )}
              </dl>
              {d.sessions.length === 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('console.supervision.critique.noSession')}</Typography.Paragraph>}
              {d.sessions.map((s) => (
                <div key={s.id} className="critique-session" data-testid={`critique-session-${s.id}`}>
                  <Space wrap size={4} className="critique-session__head">
                    <Typography.Text strong>{t(`console.supervision.critiqueForm.${s.form}`)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {[formatDay(s.heldOn), s.place, s.participants !== null ? t('console.supervision.critique.participants', { count: s.participants }) : null].filter(Boolean).join(' · ')}
                    </Typography.Text>
                    {d.abilities.manage && (
                      <Button size="small" type="link" onClick={() => open({ kind: 'opinions', draft: d, session: s })} data-testid={`critique-session-opinions-${s.id}`}>
                        {t('console.supervision.critique.addOpinions')}
                      </Button>
                    )}
                  </Space>
                  {s.opinions.length === 0 ? (
                    <Typography.Paragraph type="secondary">{t('console.supervision.critique.noOpinion')}</Typography.Paragraph>
                  ) : (
                    <ol className="supervision-recs">
                      {s.opinions.map((o) => (
                        <li key={o.id} data-testid={`critique-opinion-${o.id}`}>
                          <Typography.Text>{o.content}</Typography.Text>
                          <div className="supervision-recs__meta">
                            {o.response ? (
                              <Space size={4} wrap>
                                <Tag color={RESPONSE_COLOR[o.response]}>{t(`console.supervision.response.${o.response}`)}</Tag>
                                {o.respondedOn && <Typography.Text type="secondary">{formatDay(o.respondedOn)}</Typography.Text>}
                              </Space>
                            ) : (
                              <Tag>{t('console.supervision.critique.awaiting')}</Tag>
                            )}
                          </div>
                          {o.responseNote && <Typography.Paragraph type="secondary" className="supervision-recs__answer">{o.responseNote}</Typography.Paragraph>}
                        </li>
                      ))}
                    </ol>
                  )}
                </div>
              ))}
              {(d.abilities.manage || (d.abilities.respond && opinions.length > 0)) && (
                <Space wrap style={{ marginTop: 8 }}>
                  {d.abilities.manage && (
                    <Button size="small" onClick={() => open({ kind: 'session', draft: d })} data-testid={`critique-draft-session-${d.id}`}>
                      {t('console.supervision.critique.addSession')}
                    </Button>
                  )}
                  {d.abilities.respond && opinions.length > 0 && (
                    <Button size="small" type="primary" onClick={() => open({ kind: 'responses', draft: d })} data-testid={`critique-draft-respond-${d.id}`}>
                      {t('console.supervision.critique.respond')}
                    </Button>
                  )}
                </Space>
              )}
            </Card>
          );
        })}
      </div>
      <DraftDialog key={`d${opening}`} open={dialog?.kind === 'draft'} unit={scope.unit} onClose={() => setDialog(null)} onSaved={saved} />
      <SessionDialog key={`s${opening}`} draft={dialog?.kind === 'session' ? dialog.draft : null} onClose={() => setDialog(null)} onSaved={saved} />
      <OpinionsDialog key={`o${opening}`} session={dialog?.kind === 'opinions' ? dialog.session : null} onClose={() => setDialog(null)} onSaved={saved} />
      <ResponsesDialog key={`r${opening}`} draft={dialog?.kind === 'responses' ? dialog.draft : null} onClose={() => setDialog(null)} onSaved={saved} />
    </>
  );
}
