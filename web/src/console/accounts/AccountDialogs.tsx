// Create, edit (details and memberships) and reset-password dialogs for accounts.
import { Alert, Form, Input } from 'antd';
import { createAccount, resetPassword, setMemberships, updateAccount } from '../../api/accounts.ts';
import type { Account, MembershipInput } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TFunction } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { ConfirmPasswordField } from '../shared/ConfirmPasswordField.tsx';
import { MembershipFields } from './MembershipFields.tsx';
import type { OrganisationOption } from './MembershipFields.tsx';

interface CreateValues {
  username: string;
  fullName: string;
  email?: string;
  password: string;
  memberships: MembershipInput[];
}

const required = (t: TFunction, labelKey: string) => ({
  required: true,
  whitespace: true,
  message: t('common.required', { field: t(labelKey).toLowerCase() }),
});

const emailRule = (t: TFunction) => ({ type: 'email' as const, message: t('accounts.emailInvalid') });

export function CreateAccountDialog(props: {
  open: boolean;
  options: OrganisationOption[];
  optionsLoading: boolean;
  onClose: () => void;
  onCreated: (account: Account) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateValues>();

  const submit = async (values: CreateValues) => {
    const email = values.email?.trim();
    const account = await createAccount({
      username: values.username.trim(),
      fullName: values.fullName.trim(),
      ...(email ? { email } : {}),
      password: values.password,
      memberships: values.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
    });
    props.onCreated(account);
  };

  return (
    <FormModal
      open={props.open}
      title={t('accounts.createTitle')}
      form={form}
      onSubmit={submit}
      onClose={props.onClose}
      okText={t('common.create')}
      testId="account-create"
      codeFields={{ weak_password: 'password', username_taken: 'username' }}
      width={640}
      initialValues={{ memberships: [{} as MembershipInput] }}
    >
      <Form.Item name="username" label={t('accounts.username')} rules={[required(t, 'accounts.username')]}>
        <Input autoComplete="off" spellCheck={false} data-testid="account-create-username" />
      </Form.Item>
      <Form.Item name="fullName" label={t('accounts.fullName')} rules={[required(t, 'accounts.fullName')]}>
        <Input autoComplete="off" data-testid="account-create-fullname" />
      </Form.Item>
      <Form.Item name="email" label={t('accounts.email')} rules={[emailRule(t)]}>
        <Input type="email" autoComplete="off" data-testid="account-create-email" />
      </Form.Item>
      <Form.Item name="password" label={t('accounts.password')} extra={t('password.hint')} rules={[required(t, 'accounts.password')]}>
        <Input.Password autoComplete="new-password" data-testid="account-create-password" />
      </Form.Item>
      <MembershipFields options={props.options} loading={props.optionsLoading} />
    </FormModal>
  );
}

interface EditValues {
  fullName: string;
  email?: string;
  memberships: MembershipInput[];
}

const sameMemberships = (a: MembershipInput[], b: MembershipInput[]) => {
  const key = (list: MembershipInput[]) => list.map((m) => `${m.organisationId}:${m.role}`).sort().join('|');
  return key(a) === key(b);
};

export function EditAccountDialog(props: {
  account: Account | null;
  options: OrganisationOption[];
  optionsLoading: boolean;
  onClose: () => void;
  onSaved: (account: Account) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<EditValues>();
  const account = props.account;
  const current = account?.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })) ?? [];

  // The account may belong to organisations outside the unit being browsed: keep them choosable.
  const options = [...props.options];
  for (const m of account?.memberships ?? []) {
    if (!options.some((o) => o.value === m.organisationId))
      options.push({ value: m.organisationId, label: `${m.organisationName} — ${m.unitName}` });
  }

  const submit = async (values: EditValues) => {
    if (!account) return;
    let saved: Account | null = null;
    const email = values.email?.trim() || null;
    if (values.fullName.trim() !== account.fullName || email !== account.email) {
      saved = await updateAccount(account.id, { fullName: values.fullName.trim(), email });
    }
    const memberships = values.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role }));
    if (!sameMemberships(memberships, current)) saved = await setMemberships(account.id, memberships);
    if (saved) props.onSaved(saved);
  };

  return (
    <FormModal
      open={account !== null}
      title={t('accounts.editTitle', { username: account?.username ?? '' })}
      form={form}
      onSubmit={submit}
      onClose={props.onClose}
      testId="account-edit"
      width={640}
      initialValues={{ fullName: account?.fullName ?? '', email: account?.email ?? '', memberships: current }}
    >
      <Form.Item name="fullName" label={t('accounts.fullName')} rules={[required(t, 'accounts.fullName')]}>
        <Input data-testid="account-edit-fullname" />
      </Form.Item>
      <Form.Item name="email" label={t('accounts.email')} rules={[emailRule(t)]}>
        <Input type="email" data-testid="account-edit-email" />
      </Form.Item>
      <MembershipFields options={options} loading={props.optionsLoading} />
    </FormModal>
  );
}

export function ResetPasswordDialog(props: { account: Account | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ newPassword: string; confirmPassword: string }>();
  const account = props.account;

  return (
    <FormModal
      open={account !== null}
      title={t('accounts.resetTitle', { username: account?.username ?? '' })}
      form={form}
      onSubmit={async (values: { newPassword: string }) => {
        if (!account) return;
        await resetPassword(account.id, values.newPassword);
        props.onDone();
      }}
      onClose={props.onClose}
      testId="account-reset"
      codeFields={{ weak_password: 'newPassword' }}
    >
      <Alert type="info" showIcon title={t('accounts.resetHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="newPassword" label={t('accounts.newPassword')} extra={t('password.hint')} rules={[required(t, 'accounts.newPassword')]}>
        <Input.Password autoComplete="new-password" data-testid="account-reset-password" />
      </Form.Item>
      <ConfirmPasswordField testId="account-reset-confirm" />
    </FormModal>
  );
}
