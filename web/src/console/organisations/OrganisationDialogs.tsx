// The create and rename dialogs for organisations.
import { Form, Input, Select } from 'antd';
import { createOrganisation, renameOrganisation } from '../../api/organisations.ts';
import { organisationKinds } from '../../api/types.ts';
import type { Organisation } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { byName } from '../../shared/format.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { accentInsensitive } from '../shared/selectSearch.ts';

interface CreateValues {
  kind: string;
  name: string;
  parentId?: string;
}

export function CreateOrganisationDialog(props: {
  open: boolean;
  unitCode: string;
  unitName: string;
  organisations: Organisation[];
  onClose: () => void;
  onCreated: (created: Organisation) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateValues>();
  const parents = props.organisations.filter((o) => o.active && o.unitCode === props.unitCode).sort(byName);

  const submit = async (values: CreateValues) => {
    const created = await createOrganisation({
      unitCode: props.unitCode,
      kind: values.kind,
      name: values.name.trim(),
      ...(values.parentId ? { parentId: values.parentId } : {}),
    });
    props.onCreated(created);
  };

  return (
    <FormModal
      open={props.open}
      title={t('orgs.createTitle', { unit: props.unitName })}
      form={form}
      onSubmit={submit}
      onClose={props.onClose}
      okText={t('common.create')}
      testId="org-create"
    >
      <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('orgs.kind').toLowerCase() }) }]}>
        <Select
          data-testid="org-create-kind"
          showSearch={{ filterOption: accentInsensitive }}
          options={organisationKinds.map((kind) => ({ value: kind, label: t(`orgKind.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('orgs.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('orgs.name').toLowerCase() }) }, { max: 200 }]}
      >
        <Input data-testid="org-create-name" maxLength={200} />
      </Form.Item>
      <Form.Item name="parentId" label={t('orgs.parent')}>
        <Select
          data-testid="org-create-parent"
          allowClear
          placeholder={t('orgs.parentNone')}
          showSearch={{ filterOption: accentInsensitive }}
          options={parents.map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}

export function RenameOrganisationDialog(props: {
  organisation: Organisation | null;
  onClose: () => void;
  onRenamed: (renamed: Organisation) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string }>();
  const organisation = props.organisation;

  return (
    <FormModal
      open={organisation !== null}
      title={t('orgs.renameTitle')}
      form={form}
      initialValues={{ name: organisation?.name ?? '' }}
      onSubmit={async (values: { name: string }) => {
        if (organisation) props.onRenamed(await renameOrganisation(organisation.id, values.name.trim()));
      }}
      onClose={props.onClose}
      testId="org-rename"
    >
      <Form.Item
        name="name"
        label={t('orgs.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('orgs.name').toLowerCase() }) }, { max: 200 }]}
      >
        <Input data-testid="org-rename-name" maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
