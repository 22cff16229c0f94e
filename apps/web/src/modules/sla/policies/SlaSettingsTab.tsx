import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../../api/formErrors';
import { getSlaSettings, putSlaSettings, slaAdminKey } from './api';
import { weightTotal } from './targets';
import { METRICS, type Metric, PAUSE_REASONS, type SlaSettings } from './types';

type Values = { pauseOn: SlaSettings['pauseOn']; weights: Partial<Record<Metric, number | null>> };

/** Which waits pause the clocks, and the weights of the SLA rate (their sum is shown as it is typed). */
export function SlaSettingsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['slaPolicies', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const query = useQuery({ queryKey: [...slaAdminKey, 'settings'], queryFn: getSlaSettings });
  const weights = (Form.useWatch('weights', form) ?? query.data?.weights ?? {}) as Values['weights'];
  const { total, ok } = weightTotal(weights);
  const save = useMutation({
    mutationFn: (values: Values) => {
      const clean = Object.fromEntries(
        Object.entries(values.weights).filter(([, w]) => typeof w === 'number' && w > 0),
      ) as SlaSettings['weights'];
      return putSlaSettings({ pauseOn: values.pauseOn, weights: clean, version: query.data?.version ?? 1 });
    },
    onSuccess: async () => {
      message.success(t('settings.saved'));
      await queryClient.invalidateQueries({ queryKey: slaAdminKey });
    },
    onError: (error) => setFieldErrors(form, error),
  });
  if (!query.data) return null;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!canEdit}
      initialValues={{ pauseOn: query.data.pauseOn, weights: query.data.weights }}
      onFinish={(values) => save.mutate(values)}
      style={{ maxWidth: 640 }}
    >
      <Form.Item name="pauseOn" label={t('settings.pauseOn')} extra={t('settings.pauseHint')}>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={PAUSE_REASONS.map((reason) => ({ value: reason, label: t(`pause.${reason}`) }))}
        />
      </Form.Item>
      <Typography.Title level={5}>{t('settings.weights')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.weightsHint')}</Typography.Paragraph>
      {METRICS.map((metric) => (
        <Form.Item
          key={metric}
          name={['weights', metric]}
          label={t(`metric.${metric}`)}
          style={{ marginBottom: 8 }}
          layout="horizontal"
          labelCol={{ flex: '140px' }}
        >
          <InputNumber min={0} max={100} addonAfter="%" style={{ width: 140 }} />
        </Form.Item>
      ))}
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        <Typography.Text strong type={ok ? 'success' : 'danger'} data-testid="sla-weight-total">
          {t('settings.total', { total })}
        </Typography.Text>
        {!ok && <Alert type="error" showIcon message={t('settings.mustBe100', { total })} />}
        {canEdit && (
          <Button type="primary" htmlType="submit" disabled={!ok} loading={save.isPending}>
            {t('common:actions.save')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
