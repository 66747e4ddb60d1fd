// The console's sign-in page: username and password, with the server's message on failure (wrong password, lockout).
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography, theme } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { LanguageToggle } from '../layout/LanguageToggle.tsx';
import { useSession } from './SessionProvider.tsx';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [form] = Form.useForm<Credentials>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { token } = theme.useToken();

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
    } catch (failure) {
      setError(errorMessage(failure, t));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <div className="login-page__lang">
        <LanguageToggle />
      </div>
      <Card className="login-card">
        <div className="login-card__brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
              {t('app.name')}
            </Typography.Title>
            {/* Not type="secondary": its grey (45 % black, 3.4:1 on white) is below the 4.5:1 that text needs. */}
            <Typography.Text style={{ color: token.colorTextSecondary }}>{t('login.subtitle')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
          {t('login.title')}
        </Typography.Title>
        {error && (
          <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form form={form} layout="vertical" onFinish={(values: Credentials) => void submit(values)} data-testid="login-form" requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('login.username').toLowerCase() }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('common.required', { field: t('login.password').toLowerCase() }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <p className="login-card__back">
          <a href="/">{t('login.toPortal')}</a>
        </p>
      </Card>
    </main>
  );
}
