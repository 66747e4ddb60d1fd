// Dialog to change one's own password; forced (not dismissible) when the server says the password must change.
import { Alert, Form, Input, App } from 'antd';
import { changePassword } from '../../api/auth.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { ConfirmPasswordField } from '../shared/ConfirmPasswordField.tsx';
import { useSession } from './SessionProvider.tsx';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordDialog({ open, forced, onClose }: { open: boolean; forced: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { reload, signOut } = useSession();
  const [form] = Form.useForm<PasswordValues>();

  const submit = async (values: PasswordValues) => {
    await changePassword(values.currentPassword, values.newPassword);
    message.success(t('password.changed'));
    await reload();
  };

  return (
    <FormModal
      open={open}
      title={t('password.title')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      testId="change-password"
      codeFields={{ weak_password: 'newPassword', wrong_password: 'currentPassword' }}
      forced={forced}
      cancelText={forced ? t('layout.logout') : undefined}
      onCancelForced={() => void signOut()}
    >
      {forced && <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('common.required', { field: t('password.current').toLowerCase() }) }]}
      >
        <Input.Password autoComplete="current-password" data-testid="change-password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.hint')}
        rules={[{ required: true, message: t('common.required', { field: t('password.new').toLowerCase() }) }]}
      >
        <Input.Password autoComplete="new-password" data-testid="change-password-new" />
      </Form.Item>
      <ConfirmPasswordField testId="change-password-confirm" />
    </FormModal>
  );
}
