// The "type the new password again" field, checked against the form's newPassword field.
import { Form, Input } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function ConfirmPasswordField({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="confirmPassword"
      label={t('password.confirm')}
      dependencies={['newPassword']}
      rules={[
        { required: true, message: t('common.required', { field: t('password.confirm').toLowerCase() }) },
        ({ getFieldValue }) => ({
          validator: (_rule: unknown, value: string) =>
            !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" data-testid={testId} />
    </Form.Item>
  );
}
