// The plan of a conference: organising body, type and form, topic, day and time, place, who chairs it, who is invited,
// and whether it shows on the portal's calendar. The same form edits a plan not yet recorded.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import type { Dayjs } from 'dayjs';
import { chairSides, conferenceForms, conferenceTypes, invitedGroups, organisationChoices, planConference, updatePlan } from '../../api/dialogue.ts';
import type { Chair, Conference, ConferenceForm, ConferenceType, Invited, PlanInput } from '../../api/dialogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { UnitSelect } from '../shared/UnitPicker.tsx';
import { useLoader } from '../shared/useLoader.ts';

interface PlanValues {
  organisationId: string;
  type: ConferenceType;
  form: ConferenceForm;
  topic: string;
  heldOn: Dayjs;
  startsAt?: string;
  place: string;
  chairs: Chair[];
  invited: Invited[];
  residentsUnitCode?: string;
  published?: boolean;
}

interface Props {
  open: boolean;
  unit: string;
  editing: Conference | null;
  onClose: () => void;
  onSaved: (c: Conference) => void;
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

export function PlanDialog({ open, unit, editing, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<PlanValues>();
  const unitCode = editing?.unit.code ?? unit;
  const choices = useLoader((signal) => (open ? organisationChoices(unitCode, signal) : Promise.resolve(null)), [open, unitCode]);
  // A new plan starts with the party committee (who convenes these conferences), or the only body there is.
  const organisers = choices.data?.organisers;
  useEffect(() => {
    if (editing || !organisers?.length || form.getFieldValue('organisationId')) return;
    form.setFieldValue('organisationId', (organisers.find((o) => o.kind === 'cap_uy') ?? organisers[0]!).id);
  }, [organisers, editing, form]);

  const initial: Partial<PlanValues> = editing
    ? {
        organisationId: editing.organisation.id ?? undefined, type: editing.type, form: editing.form, topic: editing.topic, heldOn: dayjs(editing.heldOn),
        startsAt: editing.startsAt ?? undefined, place: editing.place, chairs: editing.chairs, invited: editing.invited, residentsUnitCode: editing.residentsUnit?.code,
      }
    : {
        type: 'dinh_ky', form: 'doi_thoai', published: true,
        chairs: [{ side: 'cap_uy', name: '', position: '' }, { side: 'chinh_quyen', name: '', position: '' }],
        invited: [{ group: 'mttq' }, { group: 'doan_the' }, { group: 'nguoi_dan' }],
        residentsUnitCode: unit,
      };

  const submit = async (v: PlanValues) => {
    const input: PlanInput = {
      organisationId: v.organisationId, type: v.type, form: v.form, topic: v.topic.trim(), heldOn: v.heldOn.format('YYYY-MM-DD'),
      startsAt: blank(v.startsAt) ?? null, place: v.place.trim(),
      chairs: v.chairs.map((c) => ({ side: c.side, name: c.name.trim(), position: c.position.trim() })),
      invited: (v.invited ?? []).map((i) => ({ group: i.group, ...(blank(i.note) ? { note: blank(i.note) } : {}) })),
      residentsUnitCode: v.residentsUnitCode ?? null,
    };
    onSaved(editing ? await updatePlan(editing.id, input) : await planConference(unitCode, { ...input, published: Boolean(v.published) }));
  };

  const required = { required: true, message: t('dialogue.required') };
  return (
    <FormModal<PlanValues>
      open={open}
      title={editing ? t('dialogue.plan.editTitle') : t('dialogue.plan.title')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      testId="dialogue-plan"
      width={760}
      initialValues={initial}
    >
      <Form.Item name="organisationId" label={t('dialogue.plan.organisation')} rules={[required]}>
        <Select
          loading={choices.loading}
          options={(choices.data?.organisers ?? []).map((o) => ({ value: o.id, label: o.name }))}
          data-testid="dialogue-plan-organisation"
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <div className="dialogue-form-row">
        <Form.Item name="type" label={t('dialogue.plan.type')} rules={[required]}>
          <Radio.Group options={conferenceTypes.map((x) => ({ value: x, label: t(`dialogue.type.${x}`) }))} data-testid="dialogue-plan-type" />
        </Form.Item>
        <Form.Item name="form" label={t('dialogue.plan.form')} rules={[required]}>
          <Radio.Group options={conferenceForms.map((x) => ({ value: x, label: t(`dialogue.form.${x}`) }))} />
        </Form.Item>
      </div>
      <Form.Item name="topic" label={t('dialogue.plan.topic')} rules={[required, { min: 5, max: 500, message: t('dialogue.length', { min: 5, max: 500 }) }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="dialogue-plan-topic" />
      </Form.Item>
      <div className="dialogue-form-row">
        <Form.Item name="heldOn" label={t('dialogue.plan.heldOn')} rules={[required]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="dialogue-plan-date" />
        </Form.Item>
        <Form.Item name="startsAt" label={t('dialogue.plan.startsAt')} rules={[{ pattern: /^([01][0-9]|2[0-3]):[0-5][0-9]$/, message: t('dialogue.plan.timeFormat') }]}>
          <Input placeholder="08:00" inputMode="numeric" data-testid="dialogue-plan-time" />
        </Form.Item>
      </div>
      <Form.Item name="place" label={t('dialogue.plan.place')} rules={[required, { min: 3, max: 500, message: t('dialogue.length', { min: 3, max: 500 }) }]}>
        <Input data-testid="dialogue-plan-place" />
      </Form.Item>

      <fieldset className="dialogue-fieldset">
        <legend>{t('dialogue.plan.chairs')}</legend>
        <Form.List name="chairs" rules={[{ validator: async (_, list: unknown[]) => { if (!list?.length) throw new Error(t('dialogue.plan.chairsRequired')); } }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} className="dialogue-list-row">
                  <Form.Item name={[f.name, 'side']} rules={[required]} label={i === 0 ? t('dialogue.plan.side') : undefined}>
                    <Select options={chairSides.map((s) => ({ value: s, label: t(`dialogue.side.${s}`) }))} aria-label={t('dialogue.plan.side')} style={{ minWidth: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[required, { min: 2, max: 200, message: t('dialogue.length', { min: 2, max: 200 }) }]} label={i === 0 ? t('dialogue.plan.chairName') : undefined}>
                    <Input aria-label={t('dialogue.plan.chairName')} data-testid={`dialogue-plan-chair-name-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'position']} rules={[required, { min: 2, max: 200, message: t('dialogue.length', { min: 2, max: 200 }) }]} label={i === 0 ? t('dialogue.plan.position') : undefined}>
                    <Input aria-label={t('dialogue.plan.position')} data-testid={`dialogue-plan-chair-position-${i}`} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('dialogue.remove')} onClick={() => remove(f.name)} className="dialogue-remove" />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ side: 'mttq', name: '', position: '' })}>
                {t('dialogue.plan.addChair')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>

      <fieldset className="dialogue-fieldset">
        <legend>{t('dialogue.plan.invited')}</legend>
        <Form.List name="invited">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} className="dialogue-list-row dialogue-list-row--two">
                  <Form.Item name={[f.name, 'group']} rules={[required]}>
                    <Select options={invitedGroups.map((g) => ({ value: g, label: t(`dialogue.group.${g}`) }))} aria-label={t('dialogue.plan.group')} style={{ minWidth: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']}>
                    <Input placeholder={t('dialogue.plan.groupNote')} aria-label={t('dialogue.plan.groupNote')} maxLength={300} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('dialogue.remove')} onClick={() => remove(f.name)} className="dialogue-remove" />
                </div>
              ))}
              <Space>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ group: 'khac' })}>
                  {t('dialogue.plan.addGroup')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
        <Form.Item name="residentsUnitCode" label={t('dialogue.plan.residents')} style={{ marginTop: 12 }}>
          <UnitSelect testId="dialogue-plan-residents" />
        </Form.Item>
      </fieldset>

      {!editing && (
        <Form.Item name="published" valuePropName="checked">
          <Checkbox data-testid="dialogue-plan-published">{t('dialogue.plan.publish')}</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
