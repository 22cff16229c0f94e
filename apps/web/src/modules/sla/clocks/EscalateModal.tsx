import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../api/errors';
import { clocksKey, escalate } from '../api';
import type { Clock } from '../types';
import { escalationTargets, skippedLevels } from './clockView';

type Values = { clockId: string; level: number; reason?: string };
type Props = { ticketId: string; clocks: Clock[]; open: boolean; onClose: () => void };

/**
 * 手动升级: to a level above the clock's position; a jump over levels (an emergency, seed 001) needs
 * a reason, recorded with who did it; the automatic ladder then continues from that level.
 */
export function EscalateModal({ ticketId, clocks, open, onClose }: Props) {
  const { t } = useTranslation('sla');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const clockId = Form.useWatch('clockId', form);
  const level = Form.useWatch('level', form);
  const clock = clocks.find((c) => c.id === clockId);
  const skipped = clock && level ? skippedLevels(clock, level) : [];
  const levelName = (n: number) => clock?.ladder?.levels.find((l) => l.level === n)?.name ?? '';

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      escalate(ticketId, {
        clockId: values.clockId,
        level: values.level,
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      }),
    meta: { silent: true },
    onSuccess: async (_, values) => {
      void message.success(t('escalate.done', { level: values.level }));
      await queryClient.invalidateQueries({ queryKey: clocksKey(ticketId) });
      onClose();
    },
    onError: (error) => showError(error, { form }),
  });

  return (
    <Modal
      open={open}
      title={t('escalate.title')}
      okText={t('escalate.submit')}
      okButtonProps={{ danger: true, 'data-testid': 'sla-escalate-submit' }}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ clockId: clocks[0]?.id, level: clocks[0] ? escalationTargets(clocks[0])[0] : undefined }}
        onValuesChange={(changed: Partial<Values>) => {
          const next = clocks.find((c) => c.id === changed.clockId);
          if (next) form.setFieldValue('level', escalationTargets(next)[0]);
        }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item name="clockId" label={t('escalate.clock')} hidden={clocks.length < 2} rules={[{ required: true }]}>
          <Select
            options={clocks.map((c) => ({ value: c.id, label: t(`metric.${c.metric}`) }))}
            data-testid="sla-escalate-clock"
          />
        </Form.Item>
        <Form.Item name="level" label={t('escalate.level')} rules={[{ required: true }]}>
          <Select
            data-testid="sla-escalate-level"
            notFoundContent={t('escalate.none')}
            options={(clock ? escalationTargets(clock) : []).map((n) => ({
              value: n,
              label: t('ladder.levelName', { level: n, name: levelName(n) }),
            }))}
          />
        </Form.Item>
        {skipped.length > 0 && (
          <Typography.Paragraph type="warning" data-testid="sla-escalate-skips">
            {t('escalate.skips', { levels: skipped.map((n) => t('ladder.level', { level: n })).join('、') })}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="reason"
          label={t('escalate.reason')}
          rules={[{ required: skipped.length > 0, whitespace: true, message: t('escalate.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('escalate.reasonPlaceholder')}
            data-testid="sla-escalate-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
