// "Giao việc": several cases to one handler of their responsible unit; each case succeeds or fails on its own.
import { Alert, App, Form, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { assignCases, listHandlers } from '../../api/cases.ts';
import type { CaseHandler, CaseSummary } from '../../api/cases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { hasKey } from '../../i18n/translate.ts';
import { errorMessage } from '../../shared/errors.ts';
import { vietnameseCollator } from '../../shared/format.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { accentInsensitive } from '../shared/selectSearch.ts';

interface Values {
  unitCode: string;
  handlerId: string;
}

export function AssignDialog(props: { open: boolean; cases: CaseSummary[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message, notification } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const c of props.cases) seen.set(c.responsibleUnit.code, c.responsibleUnit.name);
    return [...seen].map(([code, name]) => ({ code, name }));
  }, [props.cases]);
  const unitCode = Form.useWatch('unitCode', form) ?? units[0]?.code;
  const [handlers, setHandlers] = useState<CaseHandler[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    if (!props.open || !unitCode) return;
    const controller = new AbortController();
    setLoading(true);
    setLoadError(null);
    listHandlers(unitCode, controller.signal).then(
      (items) => {
        setHandlers([...items].sort((a, b) => vietnameseCollator.compare(a.fullName, b.fullName)));
        setLoading(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setHandlers([]);
        setLoadError(error);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [props.open, unitCode]);

  const submit = async (values: Values) => {
    // Only the cases of the chosen unit go to a handler of that unit.
    const ids = props.cases.filter((c) => c.responsibleUnit.code === (values.unitCode ?? units[0]?.code)).map((c) => c.id);
    const results = await assignCases(ids, values.handlerId);
    const failed = results.filter((r) => !r.ok);
    const done = results.length - failed.length;
    if (done > 0) message.success(t('cases.assignDone', { count: done }));
    if (failed.length > 0) {
      const numberOf = (id: string) => props.cases.find((c) => c.id === id)?.number ?? id;
      notification.warning({
        title: t('cases.assignFailed', { count: failed.length }),
        description: failed
          .map((r) => `${numberOf(r.id)}: ${r.code && hasKey(`assignError.${r.code}`) ? t(`assignError.${r.code}`) : t('assignError.generic')}`)
          .join('; '),
      });
    }
    props.onDone();
  };

  return (
    <FormModal
      open={props.open}
      title={t('cases.assignTitle', { count: props.cases.length })}
      form={form}
      initialValues={{ unitCode: units[0]?.code }}
      onSubmit={submit}
      onClose={props.onClose}
      okText={t('cases.submitAssign')}
      testId="case-assign"
    >
      {units.length > 1 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('cases.assignUnitHint')}
        </Typography.Paragraph>
      )}
      <Form.Item name="unitCode" label={t('cases.assignUnit')} hidden={units.length <= 1}>
        <Select
          options={units.map((u) => ({ value: u.code, label: u.name }))}
          onChange={() => form.setFieldValue('handlerId', undefined)}
          data-testid="case-assign-unit"
        />
      </Form.Item>
      {units.length === 1 && (
        <Typography.Paragraph>
          {t('cases.assignUnit')}: <Typography.Text strong>{units[0]?.name}</Typography.Text>
        </Typography.Paragraph>
      )}
      {Boolean(loadError) && <Alert type="error" showIcon title={errorMessage(loadError, t)} style={{ marginBottom: 12 }} />}
      <Form.Item
        name="handlerId"
        label={t('cases.assignHandler')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: t('cases.assignHandler').toLowerCase() }) }]}
      >
        <Select
          loading={loading}
          showSearch={{ filterOption: accentInsensitive }}
          options={handlers.map((h) => ({ value: h.id, label: h.fullName }))}
          notFoundContent={loading ? null : t('cases.noHandlers')}
          data-testid="case-assign-handler"
        />
      </Form.Item>
    </FormModal>
  );
}
