import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';
import type { QuietPeriod } from '../types';

dayjs.extend(customParseFormat);

const FORMAT = 'HH:mm';
const toTime = (value: string) => (value ? dayjs(value, FORMAT) : null);

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
        // biome-ignore lint/suspicious/noArrayIndexKey: periods have no identity but their place
        <Space key={index} wrap size={4} data-testid="quiet-period">
          <TimePicker
            format={FORMAT}
            minuteStep={5}
            allowClear={false}
            needConfirm={false}
            disabled={props.disabled}
            value={toTime(period.from)}
            onChange={(value) => set(index, { from: value ? value.format(FORMAT) : period.from })}
            aria-label={t('channels.quietFrom')}
            style={{ width: 96 }}
          />
          <span>→</span>
          <TimePicker
            format={FORMAT}
            minuteStep={5}
            allowClear={false}
            needConfirm={false}
            disabled={props.disabled}
            value={toTime(period.to)}
            onChange={(value) => set(index, { to: value ? value.format(FORMAT) : period.to })}
            aria-label={t('channels.quietTo')}
            style={{ width: 96 }}
          />
          {overnight(period) && <Typography.Text type="secondary">{t('channels.nextDay')}</Typography.Text>}
          <Button
            type="text"
            danger
            disabled={props.disabled}
            icon={<DeleteOutlined />}
            aria-label={t('channels.quietRemove')}
            onClick={() => props.onChange?.(periods.filter((_, i) => i !== index))}
          />
        </Space>
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
