// The dialogs of the "Phản biện xã hội" tab: a draft received for critique, a critique session with its opinions, more
// opinions for a session, and the drafting body's response (taken in, partly, explained) to each opinion.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { addOpinions, addSession, createDraft, critiqueForms, critiqueResponses, respond } from '../../api/supervision.ts';
import type { CritiqueForm, CritiqueResponse, CritiqueSession, Draft } from '../../api/supervision.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TFunction } from '../../i18n/I18nProvider.tsx';
import { formatDay, todayInVietnam } from '../../shared/format.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { accentInsensitive } from '../shared/selectSearch.ts';
import { frontOptions, organisationOptions, useOrganisations } from './VisitDialogs.tsx';

const DATE = 'DD/MM/YYYY';
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const required = (t: TFunction, label: string) => ({ required: true, whitespace: true, message: t('common.required', { field: label.toLowerCase() }) });
const requiredSelect = (t: TFunction, label: string) => ({ required: true, message: t('common.requiredSelect', { field: label.toLowerCase() }) });
const today = () => dayjs(todayInVietnam());

interface DraftValues { organisationId: string; title: string; draftingOrganisationId?: string; draftingBodyName?: string; receivedOn: Dayjs; summary?: string }

export function DraftDialog(props: { open: boolean; unit: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<DraftValues>();
  const orgs = useOrganisations(props.unit, props.open);
  const fronts = frontOptions(orgs.data, props.unit);
  const f = (key: string) => t(`console.supervision.draftForm.${key}`);
  return (
    <FormModal
      open={props.open}
      title={f('title')}
      form={form}
      width={640}
      testId="critique-draft-form"
      initialValues={{ receivedOn: today(), organisationId: fronts.length === 1 ? fronts[0].value : undefined }}
      onClose={props.onClose}
      onSubmit={async (v) => {
        await createDraft({
          organisationId: v.organisationId, title: v.title.trim(), draftingOrganisationId: v.draftingOrganisationId || undefined,
          draftingBodyName: v.draftingBodyName?.trim() || undefined, receivedOn: day(v.receivedOn)!, summary: v.summary?.trim() || undefined,
        });
        props.onSaved();
      }}
    >
      <Form.Item name="organisationId" label={f('organisation')} rules={[requiredSelect(t, f('organisation'))]}>
        <Select loading={orgs.loading} options={fronts} data-testid="critique-draft-form-organisation" />
      </Form.Item>
      <Form.Item name="title" label={f('name')} rules={[required(t, f('name')), { min: 5, max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} data-testid="critique-draft-form-name" />
      </Form.Item>
      <Form.Item
        name="draftingOrganisationId"
        label={f('drafting')}
        extra={f('draftingHint')}
        dependencies={['draftingBodyName']}
        rules={[({ getFieldValue }) => ({
          validator: async (_r: unknown, v: string | undefined) => {
            if (!v && !String(getFieldValue('draftingBodyName') ?? '').trim()) throw new Error(f('draftingRequired'));
          },
        })]}
      >
        <Select allowClear showSearch={{ filterOption: accentInsensitive }} loading={orgs.loading} options={organisationOptions(orgs.data, props.unit)} data-testid="critique-draft-form-drafting" />
      </Form.Item>
      <Form.Item name="draftingBodyName" label={f('draftingName')} rules={[{ max: 300 }]}>
        <Input maxLength={300} data-testid="critique-draft-form-drafting-name" />
      </Form.Item>
      <Form.Item name="receivedOn" label={f('receivedOn')} rules={[requiredSelect(t, f('receivedOn'))]}>
        <DatePicker format={DATE} allowClear={false} disabledDate={(d) => d.isAfter(today(), 'day')} data-testid="critique-draft-form-received" />
      </Form.Item>
      <Form.Item name="summary" label={f('summary')} rules={[{ max: 10000 }]}>
        <Input.TextArea rows={3} maxLength={10000} data-testid="critique-draft-form-summary" />
      </Form.Item>
    </FormModal>
  );
}

/** Rows of opinions to fill (at least one when `min` is 1). */
function OpinionRows({ testId, min }: { testId: string; min: number }) {
  const { t } = useI18n();
  const label = t('console.supervision.sessionForm.opinion');
  return (
    <Form.List name="opinions">
      {(items, { add, remove }) => (
        <fieldset className="supervision-fieldset">
          <legend>{t('console.supervision.sessionForm.opinions')}</legend>
          {items.map((item, index) => (
            <div key={item.key} className="supervision-opinion-row">
              <Form.Item name={[item.name, 'content']} label={`${label} ${index + 1}`} rules={[required(t, label), { min: 5, max: 5000 }]}>
                <Input.TextArea rows={2} maxLength={5000} data-testid={`${testId}-opinion-${index}`} />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(item.name)}
                disabled={items.length <= min}
                aria-label={t('console.supervision.sessionForm.removeOpinion')}
                title={t('console.supervision.sessionForm.removeOpinion')}
              />
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={items.length >= 100} data-testid={`${testId}-opinion-add`}>
            {t('console.supervision.sessionForm.addOpinion')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}

interface SessionValues { form: CritiqueForm; heldOn: Dayjs; place?: string; participants?: number | null; opinions?: { content?: string }[] }

export function SessionDialog(props: { draft: Draft | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<SessionValues>();
  const d = props.draft;
  const f = (key: string) => t(`console.supervision.sessionForm.${key}`);
  return (
    <FormModal
      open={d !== null}
      title={d ? t('console.supervision.sessionForm.title', { title: d.title }) : ''}
      form={form}
      width={640}
      testId="critique-session-form"
      initialValues={{ form: 'hoi_nghi', heldOn: today(), opinions: [{}] }}
      onClose={props.onClose}
      onSubmit={async (v) => {
        await addSession(d!.id, {
          form: v.form, heldOn: day(v.heldOn)!, place: v.place?.trim() || undefined, participants: v.participants ?? undefined,
          opinions: (v.opinions ?? []).map((o) => ({ content: o.content!.trim() })),
        });
        props.onSaved();
      }}
    >
      <Form.Item name="form" label={f('form')} rules={[{ required: true }]}>
        <Radio.Group>
          {critiqueForms.map((k) => (
            <Radio key={k} value={k} data-testid={`critique-session-form-form-${k}`}>
              {t(`console.supervision.critiqueForm.${k}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <div className="supervision-form-row">
        <Form.Item name="heldOn" label={f('heldOn')} rules={[requiredSelect(t, f('heldOn'))]}>
          <DatePicker
            format={DATE}
            allowClear={false}
            disabledDate={(x) => x.isAfter(today(), 'day') || Boolean(d && x.isBefore(dayjs(d.receivedOn), 'day'))}
            data-testid="critique-session-form-held"
          />
        </Form.Item>
        <Form.Item name="participants" label={f('participants')} rules={[{ type: 'integer', min: 0, max: 100000 }]}>
          <InputNumber min={0} max={100000} precision={0} data-testid="critique-session-form-participants" />
        </Form.Item>
      </div>
      <Form.Item name="place" label={f('place')} rules={[{ max: 500 }]}>
        <Input maxLength={500} data-testid="critique-session-form-place" />
      </Form.Item>
      <OpinionRows testId="critique-session-form" min={0} />
    </FormModal>
  );
}

export function OpinionsDialog(props: { session: CritiqueSession | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ opinions?: { content?: string }[] }>();
  const s = props.session;
  return (
    <FormModal
      open={s !== null}
      title={s ? t('console.supervision.opinionsForm.title', { date: formatDay(s.heldOn) }) : ''}
      form={form}
      width={640}
      testId="critique-opinions-form"
      initialValues={{ opinions: [{}] }}
      onClose={props.onClose}
      onSubmit={async (v) => {
        await addOpinions(s!.id, (v.opinions ?? []).map((o) => ({ content: o.content!.trim() })));
        props.onSaved();
      }}
    >
      <OpinionRows testId="critique-opinions-form" min={1} />
    </FormModal>
  );
}

interface ResponseValues { respondedOn: Dayjs; items: { opinionId: string; response?: CritiqueResponse | null; note?: string }[] }

export function ResponsesDialog(props: { draft: Draft | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ResponseValues>();
  const d = props.draft;
  const opinions = d ? d.sessions.flatMap((s) => s.opinions.map((o) => ({ ...o, heldOn: s.heldOn }))) : [];
  const latestSession = opinions.reduce((m, o) => (o.heldOn > m ? o.heldOn : m), '');
  const f = (key: string) => t(`console.supervision.responseForm.${key}`);
  return (
    <FormModal
      open={d !== null}
      title={d ? t('console.supervision.responseForm.title', { title: d.title }) : ''}
      form={form}
      width={760}
      testId="critique-response-form"
      initialValues={{ respondedOn: today(), items: opinions.map((o) => ({ opinionId: o.id, response: o.response, note: o.responseNote ?? '' })) }}
      onClose={props.onClose}
      onSubmit={async (v) => {
        const respondedOn = day(v.respondedOn)!;
        const changed = v.items.flatMap((item, i) => {
          const before = opinions[i];
          if (!item.response) return [];
          const note = item.note?.trim() || undefined;
          if (item.response === before.response && (note ?? null) === (before.responseNote ?? null)) return [];
          return [{ opinionId: item.opinionId, response: item.response, note, respondedOn }];
        });
        if (changed.length > 0) await respond(d!.id, changed);
        props.onSaved();
      }}
    >
      <Typography.Paragraph type="secondary">{f('hint')}</Typography.Paragraph>
      <Form.Item name="respondedOn" label={f('respondedOn')} rules={[requiredSelect(t, f('respondedOn'))]}>
        <DatePicker
          format={DATE}
          allowClear={false}
          disabledDate={(x) => x.isAfter(today(), 'day') || Boolean(latestSession && x.isBefore(dayjs(latestSession), 'day'))}
          data-testid="critique-response-form-date"
        />
      </Form.Item>
      <Form.List name="items">
        {(items) =>
          items.map((item, index) => (
            <div key={item.key} className="supervision-rec-row" data-testid={`critique-response-form-item-${index}`}>
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                <Typography.Text strong>{index + 1}. </Typography.Text>
                {opinions[index]?.content}
              </Typography.Paragraph>
              <Form.Item name={[item.name, 'opinionId']} hidden>
                <Input />
              </Form.Item>
              <Form.Item name={[item.name, 'response']} label={f('response')}>
                <Radio.Group>
                  {critiqueResponses.map((k) => (
                    <Radio key={k} value={k} data-testid={`critique-response-form-${index}-${k}`}>
                      {t(`console.supervision.response.${k}`)}
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
              <Form.Item name={[item.name, 'note']} label={f('note')} rules={[{ max: 5000 }]}>
                <Input.TextArea rows={2} maxLength={5000} data-testid={`critique-response-form-${index}-note`} />
              </Form.Item>
            </div>
          ))
        }
      </Form.List>
    </FormModal>
  );
}
