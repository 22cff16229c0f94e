import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TimeWindowRow } from '../../components/TimeWindowRow';
import {
  durationParts,
  freeMinutesOfDay,
  MAX_QUIET_WINDOWS,
  MIN_FREE_MINUTES,
  nextWindow,
  type QuietWindow,
} from './quietWindows';

/**
 * The quiet windows editor (a form control: value / onChange), shared by the callback settings and
 * a customer's own rest hours on the call screen: rows of two HH:mm pickers, add / remove, "next
 * day" on a window over midnight, and how much of the day stays free for calls.
 */
export function QuietWindowsField(props: {
  value?: QuietWindow[];
  onChange?: (value: QuietWindow[]) => void;
  disabled?: boolean;
  /** data-testid of each row. */
  rowTestId?: string;
  /** Shown when the list is empty (what no window means here). */
  emptyText?: string;
}) {
  const { t } = useTranslation('callbacksWork');
  const windows = props.value ?? [];
  const set = (index: number, patch: Partial<QuietWindow>) =>
    props.onChange?.(windows.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  const free = freeMinutesOfDay(windows);
  const parts = durationParts(free);
  const duration = t(`quietHours.duration.${parts.key}`, { h: parts.h, m: parts.m });
  return (
    <Flex vertical gap={8} style={{ width: '100%' }}>
      {windows.length === 0 && (
        <Typography.Text type="secondary">{props.emptyText ?? t('quietHours.none')}</Typography.Text>
      )}
      {windows.map((w, index) => (
        <TimeWindowRow
          // biome-ignore lint/suspicious/noArrayIndexKey: windows have no identity but their place
          key={index}
          testId={props.rowTestId}
          from={w.start}
          to={w.end}
          disabled={props.disabled}
          onChange={(next) => set(index, { start: next.from, end: next.to })}
          onRemove={props.disabled ? undefined : () => props.onChange?.(windows.filter((_, i) => i !== index))}
          labels={{
            from: t('quietHours.start'),
            to: t('quietHours.end'),
            nextDay: t('quietHours.nextDay'),
            remove: t('quietHours.remove'),
          }}
        />
      ))}
      {!props.disabled && (
        <Flex wrap gap={8} align="center">
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={windows.length >= MAX_QUIET_WINDOWS}
            onClick={() => props.onChange?.([...windows, nextWindow(windows)])}
          >
            {t('quietHours.add')}
          </Button>
          <Typography.Text type="secondary">{t('quietHours.overnightHint')}</Typography.Text>
        </Flex>
      )}
      <Typography.Text type={free < MIN_FREE_MINUTES ? 'danger' : 'secondary'} data-testid="quiet-free-time">
        {free < MIN_FREE_MINUTES
          ? t('quietHours.tooWide', { free: duration, min: MIN_FREE_MINUTES })
          : t('quietHours.free', { free: duration })}
      </Typography.Text>
    </Flex>
  );
}
