// The repeatable "organisation + role" rows of the account forms.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space } from 'antd';
import { roles } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { accentInsensitive } from '../shared/selectSearch.ts';

export interface OrganisationOption {
  value: string;
  label: string;
}

export function MembershipFields({ options, loading }: { options: OrganisationOption[]; loading: boolean }) {
  const { t } = useI18n();
  const roleOptions = roles.map((role) => ({ value: role, label: t(`role.${role}`) }));

  return (
    <Form.List
      name="memberships"
      rules={[
        {
          validator: async (_rule: unknown, value: unknown[] | undefined) => {
            if (!value || value.length === 0) throw new Error(t('accounts.membershipsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <fieldset className="membership-fields" data-testid="account-memberships">
          <legend>{t('accounts.memberships')}</legend>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item
                name={[field.name, 'organisationId']}
                rules={[{ required: true, message: t('common.requiredSelect', { field: t('accounts.organisation').toLowerCase() }) }]}
                style={{ marginBottom: 8 }}
              >
                <Select
                  style={{ width: 300 }}
                  placeholder={t('accounts.organisation')}
                  aria-label={`${t('accounts.organisation')} ${index + 1}`}
                  options={options}
                  loading={loading}
                  showSearch={{ filterOption: accentInsensitive }}
                  data-testid={`account-membership-org-${index}`}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'role']}
                rules={[{ required: true, message: t('common.requiredSelect', { field: t('accounts.role').toLowerCase() }) }]}
                style={{ marginBottom: 8 }}
              >
                <Select
                  style={{ width: 200 }}
                  placeholder={t('accounts.role')}
                  aria-label={`${t('accounts.role')} ${index + 1}`}
                  options={roleOptions}
                  data-testid={`account-membership-role-${index}`}
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t('accounts.removeMembership')}
                title={t('accounts.removeMembership')}
                disabled={fields.length <= 1}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="account-membership-add">
            {t('accounts.addMembership')}
          </Button>
          <Form.ErrorList errors={errors} />
        </fieldset>
      )}
    </Form.List>
  );
}
