// A dialog holding one antd form: validates, submits, shows server errors under fields or above the form, closes on success.
import { Alert, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../shared/errors.ts';
import { applyFieldErrors } from './formErrors.ts';

interface FormModalProps<Values> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<Values>;
  onSubmit: (values: Values) => Promise<void>;
  onClose: () => void;
  okText?: ReactNode;
  /** Prefix for data-testid: the form gets `${testId}-form`, the submit button `${testId}-submit`. */
  testId: string;
  /** A dialog the user may not dismiss (e.g. a password change the server requires). */
  forced?: boolean;
  cancelText?: ReactNode;
  onCancelForced?: () => void;
  width?: number;
  initialValues?: Partial<Values>;
  /** Error codes that belong to one field (e.g. weak_password → 'password'): shown under it, not above the form. */
  codeFields?: Record<string, string>;
  children: ReactNode;
}

export function FormModal<Values>(props: FormModalProps<Values>) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string[] | null>(null);

  const submit = async () => {
    let values: Values;
    try {
      values = await props.form.validateFields();
    } catch {
      return; // antd already shows what is missing under each field
    }
    setBusy(true);
    setProblem(null);
    try {
      await props.onSubmit(values);
      props.onClose();
    } catch (error) {
      const field = error instanceof ApiError ? props.codeFields?.[error.code] : undefined;
      if (field) {
        props.form.setFields([{ name: field as never, errors: [errorMessage(error, t)] }]);
        return;
      }
      const leftover = applyFieldErrors(props.form, error);
      setProblem([errorMessage(error, t), ...leftover.map((e) => `${e.field}: ${e.message}`)]);
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    if (props.forced) props.onCancelForced?.();
    else props.onClose();
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      onOk={() => void submit()}
      onCancel={cancel}
      okText={props.okText ?? t('common.save')}
      cancelText={props.cancelText ?? t('common.cancel')}
      confirmLoading={busy}
      closable={!props.forced}
      keyboard={!props.forced}
      mask={{ closable: false }}
      destroyOnHidden
      width={props.width}
      okButtonProps={{ 'data-testid': `${props.testId}-submit`, htmlType: 'submit' }}
      cancelButtonProps={{ 'data-testid': `${props.testId}-cancel` }}
      afterClose={() => setProblem(null)}
    >
      <ProblemAlert problem={problem} testId={`${props.testId}-error`} />
      <Form
        form={props.form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={() => void submit()}
        data-testid={`${props.testId}-form`}
        preserve={false}
      >
        {props.children}
        {/* Lets Enter in any field submit the form. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}

/** A refused submission: the server's message first, then the field errors it listed. */
export function ProblemAlert({ problem, testId }: { problem: string[] | null; testId: string }) {
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={problem[0]}
      description={problem.length > 1 ? problem.slice(1).join('\n') : undefined}
      data-testid={testId}
    />
  );
}
