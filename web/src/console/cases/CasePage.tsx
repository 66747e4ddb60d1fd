// One case: what it is about, its deadline (solar, lunar, days left, legal basis), who sent it (or the seal), its history,
// the steps this user may take now, classification hints, attachments, related cases and the letters to print.
import {
  ArrowLeftOutlined, DownloadOutlined, FileTextOutlined, LockOutlined, PaperClipOutlined, UnlockOutlined, UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, List, Modal, Result, Space, Spin, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChangeEvent, ReactNode } from 'react';
import {
  downloadAttachment, downloadDocument, getCase, getSuggestions, unsealIdentity, uploadAttachment,
} from '../../api/cases.ts';
import type { CaseDetail, CaseEvent, CaseSuggestions, Identity } from '../../api/cases.ts';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TFunction } from '../../i18n/I18nProvider.tsx';
import { hasKey } from '../../i18n/translate.ts';
import { errorMessage } from '../../shared/errors.ts';
import { formatDay, formatInstant } from '../../shared/format.ts';
import { Link, navigate } from '../router.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { useLoader } from '../shared/useLoader.ts';
import { CaseTags, DeadlineView, StateTag, useCaseFields } from './caseUi.tsx';
import { EventDialog } from './EventDialog.tsx';
import type { ActionType } from './EventDialog.tsx';

type Detail = [label: string, value: ReactNode];

const yesNo = (t: TFunction, v: unknown) => (v ? t('case.data.yes') : t('case.data.no'));
const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** The useful part of an event's data, labelled; names of fields and kinds through the catalogs. */
function eventDetails(e: CaseEvent, t: TFunction, c: CaseDetail, fieldName: (code: string) => string, previousDue: string | null): Detail[] {
  const d = e.data;
  const out: Detail[] = [];
  const add = (label: string, value: ReactNode) => {
    if (value !== '' && value !== null && value !== undefined) out.push([label, value]);
  };
  switch (e.type) {
    case 'received':
      add(t('case.data.channel'), d.channel ? t(`caseChannel.${str(d.channel)}`) : '');
      add(t('case.data.receivedOn'), formatDay(str(d.receivedOn)));
      add(t('case.data.transferredFrom'), str(d.transferredFrom));
      add(t('case.data.answerDue'), formatDay(str(d.dueOn)));
      break;
    case 'classified':
      if (d.kind) add(t('case.data.kind'), t(`caseKind.${str(d.kind)}`));
      if (d.fieldCode) add(t('case.data.field'), fieldName(str(d.fieldCode)));
      add(t('case.data.title'), str(d.title));
      add(t('case.data.responsibleUnit'), str(d.responsibleUnitCode));
      if (d.overLevel !== undefined) add(t('case.data.overLevel'), yesNo(t, d.overLevel));
      if (d.complex !== undefined) add(t('case.data.complex'), yesNo(t, d.complex));
      if (d.duplicateOf) add(t('case.data.duplicateOf'), c.links.find((l) => l.id === d.duplicateOf)?.number ?? str(d.duplicateOf));
      else if (d.duplicateOf === null) add(t('case.data.notDuplicate'), t('case.data.yes'));
      break;
    case 'assigned':
      add(t('case.data.handler'), str(d.handlerName));
      break;
    case 'accepted':
      if (d.complex) add(t('case.data.complex'), yesNo(t, d.complex));
      break;
    case 'guided':
      add(t('case.data.competentBody'), str(d.competentBody));
      break;
    case 'transferred':
      add(t('case.data.toUnit'), str(d.toUnitCode));
      add(t('case.data.fromUnit'), str(d.fromUnitCode));
      add(t('case.data.toAgency'), str(d.toAgency));
      break;
    case 'filed':
      add(t('case.data.ground'), d.ground && hasKey(`filingGround.${str(d.ground)}`) ? t(`filingGround.${str(d.ground)}`) : str(d.ground));
      break;
    case 'split':
      if (Array.isArray(d.children)) out.push([t('case.data.children', { count: d.children.length }), '']);
      break;
    case 'verified':
      add(t('case.data.findings'), str(d.findings));
      if (d.differsFromRequest) add(t('case.data.differs'), yesNo(t, true));
      break;
    case 'dialogue_held':
      add(t('case.data.heldOn'), formatDay(str(d.heldOn)));
      add(t('case.data.summary'), str(d.summary));
      break;
    case 'extended':
      add(t('case.data.decisionNumber'), str(d.decisionNumber));
      if (typeof d.days === 'number') add(t('case.data.days'), t('case.data.daysValue', { count: d.days }));
      break;
    case 'decided':
      add(t('case.data.decisionNumber'), str(d.decisionNumber));
      add(t('case.data.decidedOn'), formatDay(str(d.decidedOn)));
      if (d.result) add(t('case.data.result'), t(`decisionResult.${str(d.result)}`));
      add(t('case.data.summary'), str(d.summary));
      break;
    case 'answered':
      if (d.publishable) add(t('case.data.publishable'), yesNo(t, true));
      break;
    case 'appealed':
      add(t('case.data.toUnit'), str(d.toUnitCode));
      break;
    case 'attachment_added':
      add(t('case.data.attachment'), d.identity ? t('case.sealedFile') : str(d.name));
      break;
    default:
      break;
  }
  // The deadline this step started or moved ("received" carries the answer-by date instead).
  if (e.type !== 'received' && e.type !== 'attachment_added' && typeof d.dueOn === 'string' && d.dueOn !== previousDue) {
    add(t('case.data.dueOn'), formatDay(d.dueOn));
  }
  return out;
}

function CaseTimeline({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const fields = useCaseFields();
  const fieldName = (code: string) => fields.find((f) => f.code === code)?.name ?? code;
  let due: string | null = null;
  const items = c.events.map((e) => {
    const details = eventDetails(e, t, c, fieldName, due);
    if (e.type !== 'received' && e.type !== 'attachment_added' && 'dueOn' in e.data) due = (e.data.dueOn as string | null) ?? null;
    return {
      key: e.seq,
      color: e.type === 'extended' || e.type === 'appealed' ? 'red' : e.type === 'decided' || e.type === 'answered' ? 'green' : 'blue',
      content: (
        <div className="case-event" data-testid={`case-event-${e.type}`}>
          <div className="case-event__head">
            <Typography.Text strong>{t(`caseEvent.${e.type}`)}</Typography.Text>
            <Typography.Text type="secondary" className="case-event__meta">
              {formatInstant(e.at)}
              {e.actorName ? ` · ${e.actorName}` : ''}
            </Typography.Text>
          </div>
          {e.reason && (
            <div className="case-event__line">
              <Typography.Text type="secondary">{t('case.data.reason')}: </Typography.Text>
              <span className="case-text">{e.reason}</span>
            </div>
          )}
          {details.map(([label, value]) => (
            <div className="case-event__line" key={label}>
              <Typography.Text type="secondary">
                {label}
                {value === '' ? '' : ': '}
              </Typography.Text>
              <span className="case-text">{value}</span>
            </div>
          ))}
        </div>
      ),
    };
  });
  return <Timeline items={items} data-testid="case-timeline" />;
}

function Petitioner({ c, onUnseal }: { c: CaseDetail; onUnseal: () => void }) {
  const { t } = useI18n();
  if (c.petitioner.sealed) {
    return (
      <div data-testid="case-petitioner-sealed">
        <Alert
          type="warning"
          showIcon
          icon={<LockOutlined />}
          title={t('case.sealed')}
          description={
            <>
              <div>{t('case.sealedHint')}</div>
              {c.abilities.unseal && (
                <Button size="small" icon={<UnlockOutlined />} onClick={onUnseal} style={{ marginTop: 8 }} data-testid="case-unseal">
                  {t('case.unseal')}
                </Button>
              )}
            </>
          }
        />
      </div>
    );
  }
  const p = c.petitioner;
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('caseNew.name'), children: p.name },
    { key: 'address', label: t('caseNew.petitionerAddress'), children: p.address },
    { key: 'phone', label: t('caseNew.phone'), children: p.phone },
    { key: 'email', label: t('caseNew.email'), children: p.email },
    { key: 'idNumber', label: t('caseNew.idNumber'), children: p.idNumber },
  ].filter((i) => i.children);
  if (items.length === 0) return <Typography.Text type="secondary">{t('case.noPetitioner')}</Typography.Text>;
  return <Descriptions size="small" column={1} items={items} data-testid="case-petitioner" />;
}

function UnsealFlow({ c, open, onClose }: { c: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  // Held in this component only while the window is open; dropped when it closes.
  const [identity, setIdentity] = useState<Identity | null>(null);
  return (
    <>
      <FormModal<{ reason: string }>
        open={open}
        title={t('case.unsealTitle')}
        form={form}
        onSubmit={async (values: { reason: string }) => setIdentity(await unsealIdentity(c.id, values.reason.trim()))}
        onClose={onClose}
        okText={t('case.unsealSubmit')}
        testId="unseal"
      >
        <Form.Item
          name="reason"
          label={t('case.unsealReason')}
          extra={t('case.unsealReasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('case.unsealReason').toLowerCase() }) },
            { min: 5, max: 500, message: t('case.unsealReasonMin') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} data-testid="unseal-reason" />
        </Form.Item>
      </FormModal>
      <Modal
        open={identity !== null}
        title={t('case.identityTitle')}
        onCancel={() => setIdentity(null)}
        afterClose={() => setIdentity(null)}
        destroyOnHidden
        footer={
          <Button onClick={() => setIdentity(null)} data-testid="case-identity-close">
            {t('common.close')}
          </Button>
        }
      >
        {identity && (
          <div data-testid="case-identity">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'name', label: t('caseNew.name'), children: identity.name ?? t('common.none') },
                { key: 'address', label: t('caseNew.petitionerAddress'), children: identity.address ?? t('common.none') },
                { key: 'phone', label: t('caseNew.phone'), children: identity.phone ?? t('common.none') },
                { key: 'email', label: t('caseNew.email'), children: identity.email ?? t('common.none') },
                { key: 'idNumber', label: t('caseNew.idNumber'), children: identity.idNumber ?? t('common.none') },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('case.identityNotice')}
            </Typography.Paragraph>
          </div>
        )}
      </Modal>
    </>
  );
}

function Suggestions({ c, onDuplicate }: { c: CaseDetail; onDuplicate: (id: string, number: string) => void }) {
  const { t } = useI18n();
  const loaded = useLoader((signal) => getSuggestions(c.id, signal), [c.id, c.updatedAt]);
  const s: CaseSuggestions | undefined = loaded.data;
  const mayClassify = c.abilities.actions.some((a) => a.type === 'classified');
  return (
    <Card size="small" title={t('case.suggestions')} className="case-card" data-testid="case-suggestions">
      {loaded.error ? (
        <Alert type="error" showIcon title={errorMessage(loaded.error, t)} />
      ) : !s ? (
        <Spin />
      ) : (
        <>
          {s.competentUnit && (
            <Typography.Paragraph style={{ marginTop: 0 }}>
              {t('case.competentUnit')}: <Typography.Text strong data-testid="case-competent-unit">{s.competentUnit.name}</Typography.Text>
            </Typography.Paragraph>
          )}
          {s.overLevel && <Alert type="warning" showIcon title={t('case.overLevel')} style={{ marginBottom: 8 }} data-testid="case-over-level" />}
          <Typography.Text type="secondary">{t('case.duplicates')}</Typography.Text>
          {s.duplicates.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('case.noDuplicates')}</Typography.Paragraph>
          ) : (
            <List
              size="small"
              dataSource={s.duplicates}
              renderItem={(d) => (
                <List.Item
                  data-testid={`case-duplicate-${d.number}`}
                  actions={
                    mayClassify
                      ? [
                          <Button key="mark" size="small" onClick={() => onDuplicate(d.id, d.number)} data-testid={`case-mark-duplicate-${d.number}`}>
                            {t('case.markDuplicate')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <div className="case-duplicate">
                    <Link to={`/cases/${d.id}`}>
                      {d.number} — {d.title}
                    </Link>
                    <span>
                      <StateTag state={d.state} />
                      <Typography.Text type="secondary">{t('case.similarity', { percent: Math.round(d.similarity * 100) })}</Typography.Text>
                    </span>
                  </div>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}

function Attachments({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [identity, setIdentity] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      await uploadAttachment(c.id, file, identity && c.flags.confidential);
      message.success(t('case.uploaded'));
      setIdentity(false);
      onChanged();
    } catch (error) {
      // The server says which types it takes and what this file really is.
      setProblem(error instanceof ApiError && error.detail ? error.detail : errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const get = async (a: CaseDetail['attachments'][number]) => {
    try {
      await downloadAttachment(c.id, a);
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  return (
    <Card size="small" title={t('case.attachments')} className="case-card" data-testid="case-attachments">
      {c.attachments.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('case.noAttachments')}
        </Typography.Paragraph>
      ) : (
        <ul className="case-files">
          {c.attachments.map((a) => (
            <li key={a.id} data-testid={`case-attachment-${a.id}`}>
              {a.identity ? <LockOutlined aria-hidden /> : <PaperClipOutlined aria-hidden />}
              <span className="case-files__name">
                {/* A sealed file's name may itself identify the denouncer. */}
                {a.identity ? t('case.sealedFile') : a.name}
                <Typography.Text type="secondary" className="case-files__meta">
                  {' '}
                  · {Math.max(1, Math.round(a.size / 1024))} KB · {formatInstant(a.uploadedAt)}
                </Typography.Text>
              </span>
              {(!a.identity || c.abilities.unseal) && (
                <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => void get(a)} aria-label={t('case.download')}>
                  {t('case.download')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {c.abilities.attach && (
        <div className="case-upload">
          {c.flags.confidential && (
            <Checkbox checked={identity} onChange={(e) => setIdentity(e.target.checked)} data-testid="case-upload-identity">
              {t('case.identityFile')}
            </Checkbox>
          )}
          <input
            ref={input}
            type="file"
            hidden
            accept=".jpg,.jpeg,.png,.webp,.pdf,.docx,image/jpeg,image/png,image/webp,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(e) => void send(e)}
            data-testid="case-upload-input"
          />
          <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="case-upload">
            {t('case.upload')}
          </Button>
          <Typography.Text type="secondary" className="case-upload__hint">
            {t('case.uploadHint')}
          </Typography.Text>
          {problem && <Alert type="error" showIcon title={problem} data-testid="case-upload-error" closable={{ onClose: () => setProblem(null) }} />}
        </div>
      )}
    </Card>
  );
}

export default function CasePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const loaded = useLoader((signal) => getCase(id, signal), [id]);
  const [action, setAction] = useState<{ type: ActionType; basis: string | null; preset?: Record<string, unknown> } | null>(null);
  const [unsealing, setUnsealing] = useState(false);
  const [override, setOverride] = useState<CaseDetail | null>(null);
  const c = override?.id === id ? override : loaded.data;

  useEffect(() => setOverride(null), [loaded.data]);
  useEffect(() => {
    if (c) document.title = `${c.number} — ${t('app.consoleName')}`;
  }, [c?.number, t]);

  const actions = useMemo(() => {
    const seen = new Set<string>();
    return (c?.abilities.actions ?? []).filter((a) => (seen.has(a.type) ? false : (seen.add(a.type), true)));
  }, [c]);

  if (loaded.error && !c) {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('case.notFound') : errorMessage(loaded.error, t)}
        extra={<Button onClick={() => navigate('/cases')}>{t('case.back')}</Button>}
        data-testid="case-not-found"
      />
    );
  }
  if (!c) return <Spin style={{ display: 'block', margin: 48 }} />;

  const fetchDocument = async (doc: string) => {
    try {
      await downloadDocument(c.id, doc, `${doc}-${c.number.replace(/\//g, '-')}.docx`);
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  const facts: DescriptionsProps['items'] = [
    { key: 'received', label: t('case.receivedOn'), children: formatDay(c.receivedOn) },
    { key: 'channel', label: t('case.channel'), children: t(`caseChannel.${c.channel}`) },
    { key: 'field', label: t('case.field'), children: c.fieldName },
    { key: 'receiving', label: t('case.receivingUnit'), children: c.receivingUnit.name },
    { key: 'responsible', label: t('case.responsibleUnit'), children: <span data-testid="case-responsible-unit">{c.responsibleUnit.name}</span> },
    {
      key: 'handler',
      label: t('case.handler'),
      children: c.handler ? <span data-testid="case-handler">{c.handler.name}</span> : <Typography.Text type="secondary">{t('cases.noHandler')}</Typography.Text>,
    },
  ];

  return (
    <div className="case-page" data-testid="case-page">
      <div className="case-page__head">
        <Link to="/cases" className="case-back">
          <ArrowLeftOutlined /> {t('case.back')}
        </Link>
        <Typography.Title level={2} className="page-title case-page__title">
          <span className="case-number" data-testid="case-number">
            {c.number}
          </span>{' '}
          <span data-testid="case-title">{c.title}</span>
        </Typography.Title>
        <div data-testid="case-tags">
          <CaseTags c={c} />
          {c.extensions > 0 && <Tag color="red">{t('case.extensions', { count: c.extensions })}</Tag>}
        </div>
      </div>

      <div className="case-layout">
        <div className="case-main">
          <Card size="small" className="case-card case-deadline-card">
            <div className="case-deadline-row">
              <Typography.Text type="secondary">{t('case.deadline')}</Typography.Text>
              <DeadlineView deadline={c.deadline} testId="case-deadline" />
            </div>
            {c.deadline.basis && (
              <Typography.Text type="secondary" className="case-basis" data-testid="case-deadline-basis">
                {t('case.basis', { basis: c.deadline.basis })}
              </Typography.Text>
            )}
          </Card>

          <Card size="small" title={t('case.actions')} className="case-card" data-testid="case-actions">
            {actions.length === 0 ? (
              <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>
            ) : (
              <Space wrap>
                {actions.map((a) => {
                  const button = (
                    <Button
                      key={a.type}
                      type={['accepted', 'decided', 'answered'].includes(a.type) ? 'primary' : 'default'}
                      onClick={() => setAction({ type: a.type as ActionType, basis: a.basis })}
                      data-testid={`case-action-${a.type}`}
                    >
                      {t(`caseAction.${a.type}`)}
                    </Button>
                  );
                  return a.basis ? (
                    <Tooltip key={a.type} title={a.basis}>
                      {button}
                    </Tooltip>
                  ) : (
                    button
                  );
                })}
              </Space>
            )}
          </Card>

          <Card size="small" className="case-card">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={facts} data-testid="case-facts" />
          </Card>

          <Card size="small" title={t('case.content')} className="case-card">
            {c.origin && (
              <Typography.Paragraph data-testid="case-origin">
                <Link to={c.origin.path}>{t(`caseOrigin.${c.origin.type}`, { title: c.origin.title, date: c.origin.on ? formatDay(c.origin.on) : '' })}</Link>
              </Typography.Paragraph>
            )}
            <Typography.Paragraph className="case-text" style={{ marginBottom: 0 }} data-testid="case-content">
              {c.content}
            </Typography.Paragraph>
          </Card>

          {(c.outcome || c.answer) && (
            <Card size="small" className="case-card">
              {c.outcome && (
                <>
                  <Typography.Text type="secondary">{t('case.outcome')}</Typography.Text>
                  <Typography.Paragraph className="case-text" data-testid="case-outcome">
                    {c.outcome}
                  </Typography.Paragraph>
                </>
              )}
              {c.answer && (
                <>
                  <Typography.Text type="secondary">{t('case.answer')}</Typography.Text>
                  <Typography.Paragraph className="case-text" style={{ marginBottom: 0 }} data-testid="case-answer">
                    {c.answer}
                  </Typography.Paragraph>
                </>
              )}
            </Card>
          )}

          <div className="case-two">
            <Card size="small" title={t('case.place')} className="case-card">
              <Typography.Text data-testid="case-place">{c.place.unitName}</Typography.Text>
              {c.place.address && (
                <>
                  <br />
                  <Typography.Text type="secondary">{c.place.address}</Typography.Text>
                </>
              )}
            </Card>
            <Card size="small" title={t('case.petitioner')} className="case-card">
              <Petitioner c={c} onUnseal={() => setUnsealing(true)} />
              {c.mass && (
                <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="case-mass">
                  <Tag>{t('case.mass')}</Tag>
                  {t('case.massLine', { count: c.mass.headCount, names: c.mass.representatives.map((r) => r.name).join(', ') })}
                </Typography.Paragraph>
              )}
            </Card>
          </div>

          <Card size="small" title={t('case.timeline')} className="case-card">
            <CaseTimeline c={c} />
          </Card>
        </div>

        <aside className="case-side">
          {c.state === 'received' && (
            <Suggestions
              c={c}
              onDuplicate={(duplicateOf, number) =>
                setAction({
                  type: 'classified',
                  basis: c.abilities.actions.find((a) => a.type === 'classified')?.basis ?? null,
                  preset: { duplicateOf, duplicateNumber: number },
                })
              }
            />
          )}
          <Attachments c={c} onChanged={loaded.reload} />
          <Card size="small" title={t('case.documents')} className="case-card" data-testid="case-documents">
            <Space wrap>
              {c.abilities.documents.map((doc) => (
                <Button key={doc} icon={<FileTextOutlined />} onClick={() => void fetchDocument(doc)} data-testid={`case-document-${doc}`}>
                  {hasKey(`caseDocument.${doc}`) ? t(`caseDocument.${doc}`) : doc}
                </Button>
              ))}
            </Space>
          </Card>
          <Card size="small" title={t('case.links')} className="case-card" data-testid="case-links">
            {c.links.length === 0 ? (
              <Typography.Text type="secondary">{t('case.noLinks')}</Typography.Text>
            ) : (
              <ul className="case-links">
                {c.links.map((l) => (
                  <li key={`${l.kind}-${l.id}`}>
                    <Typography.Text type="secondary">{hasKey(`caseLink.${l.kind}`) ? t(`caseLink.${l.kind}`) : l.kind}: </Typography.Text>
                    <Link to={`/cases/${l.id}`}>
                      {l.number} — {l.title}
                    </Link>{' '}
                    <StateTag state={l.state} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </aside>
      </div>

      <EventDialog
        type={action?.type ?? null}
        basis={action?.basis ?? null}
        preset={action?.preset}
        c={c}
        onClose={() => setAction(null)}
        onSaved={(updated, type) => {
          setOverride(updated);
          message.success(t('case.eventSaved', { action: t(`caseAction.${type}`) }));
          if (type === 'classified' && action?.preset?.duplicateNumber) {
            message.info(t('case.duplicateMarked', { number: String(action.preset.duplicateNumber) }));
          }
        }}
      />
      {c.petitioner.sealed && <UnsealFlow c={c} open={unsealing} onClose={() => setUnsealing(false)} />}
    </div>
  );
}
