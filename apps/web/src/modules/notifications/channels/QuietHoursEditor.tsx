import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TimeWindowRow } from '../../../components/TimeWindowRow';
import type { QuietPeriod } from '../types';

/** Whether a period runs over midnight (21:00 → 08:30 the next morning). */
export const overnight = (period: QuietPeriod) => period.from > period.to;

/**
 * Quiet hours of a channel: periods (HH:mm → HH:mm, over midnight allowed) in which customers get
 * nothing; a message due then waits for the end of the period. A form control (value / onChange).
 */
export function QuietHoursEditor(props: {
  value?: QuietPeriod[];
  onChange?: (value: QuietPeriod[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('notifications');
  const periods = props.value ?? [];
  const set = (index: number, patch: Partial<QuietPeriod>) =>
    props.onChange?.(periods.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {periods.length === 0 && <Typography.Text type="secondary">{t('channels.quietNone')}</Typography.Text>}
      {periods.map((period, index) => (
        <TimeWindowRow
          // biome-ignore lint/suspicious/noArrayIndexKey: periods have no identity but their place
          key={index}
          testId="quiet-period"
          from={period.from}
          to={period.to}
          disabled={props.disabled}
          onChange={(next) => set(index, next)}
          onRemove={() => props.onChange?.(periods.filter((_, i) => i !== index))}
          labels={{
            from: t('channels.quietFrom'),
            to: t('channels.quietTo'),
            nextDay: t('channels.nextDay'),
            remove: t('channels.quietRemove'),
          }}
        />
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={props.disabled || periods.length >= 4}
        onClick={() => props.onChange?.([...periods, { from: '21:00', to: '08:30' }])}
      >
        {t('channels.quietAdd')}
      </Button>
    </Space>
  );
}
