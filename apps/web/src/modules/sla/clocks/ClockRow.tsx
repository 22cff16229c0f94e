import { Button, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Clock, WaitingOn } from '../types';
import {
  clockTone,
  elapsedPercent,
  formatMinutes,
  remainingText,
  stateKey,
  TONE_COLORS,
  type Tone,
  type Unit,
  warnPercents,
} from './clockView';
import { formatInstant } from './formatTime';

const TAG_COLORS: Record<Tone, string | undefined> = {
  normal: 'processing',
  warning: 'orange',
  danger: 'red',
  paused: 'default',
  done: 'green',
  muted: 'default',
};

type Props = {
  clock: Clock;
  waitingOn: WaitingOn;
  now: number;
  /** The row of the metric's latest cycle carries `sla-clock-<metric>`; earlier cycles a suffix. */
  testId: string;
  /** The policy's warning thresholds (percent of the target), marked on the bar. */
  warnAt?: readonly number[];
  onExplain?: () => void;
};

/** One clock: name and state, due time, what is left (or how late), and the share of the target used. */
export function ClockRow({ clock, waitingOn, now, testId, warnAt = [], onExplain }: Props) {
  const { t, i18n } = useTranslation('sla');
  const unit = (name: Unit, count: number) => t(`units.${name}`, { count });
  const tone = clockTone(clock, now, warnAt);
  const color = TONE_COLORS[tone];
  const percent = elapsedPercent(clock);
  const remaining = remainingText(clock, now);
  const business = clock.timeBasis === 'business';
  const target = formatMinutes(clock.targetMinutes, unit, !business);
  const remainingLabel =
    remaining === null
      ? null
      : 'at' in remaining
        ? t(remaining.key, { time: formatInstant(remaining.at, i18n.language) })
        : t(remaining.key, { time: formatMinutes(remaining.minutes, unit, remaining.withDays) });

  return (
    <div data-testid={testId} data-state={clock.state} data-tone={tone} style={{ padding: '8px 0' }}>
      <Space wrap size={[8, 0]} style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space size={6} wrap>
          <Typography.Text strong>{t(`metric.${clock.metric}`)}</Typography.Text>
          <Tag color={TAG_COLORS[tone]} data-testid="sla-clock-state" style={{ marginInlineEnd: 0 }}>
            {t(stateKey(clock, waitingOn, tone))}
          </Tag>
        </Space>
        {onExplain && (
          <Button type="link" size="small" onClick={onExplain} data-testid={`sla-explain-open-${clock.metric}`}>
            {t('panel.explainThis')}
          </Button>
        )}
      </Space>
      <div>
        <Typography.Text type="secondary">{t('panel.due')} </Typography.Text>
        <Typography.Text strong data-testid="sla-clock-due" data-due={clock.dueAt ?? ''}>
          {clock.dueAt ? formatInstant(clock.dueAt, i18n.language) : t('panel.dueUnknown')}
        </Typography.Text>
      </div>
      {remainingLabel && (
        <Typography.Text data-testid="sla-clock-remaining" style={{ color }} strong={tone === 'danger'}>
          {remainingLabel}
        </Typography.Text>
      )}
      {percent !== null && (
        <ProgressWithMarks
          percent={percent}
          marks={warnPercents(clock, warnAt)}
          color={color}
          label={t('panel.progress', { percent })}
        />
      )}
      <Space size={8} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(business ? 'panel.targetBusiness' : 'panel.target', { time: target })}
          {clock.policyName ? ` · ${clock.policyName}` : ''}
        </Typography.Text>
        {clock.followUpDueAt && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('panel.followUp', { time: formatInstant(clock.followUpDueAt, i18n.language) })}
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}

/** antd's bar with a tick at each warning threshold. */
function ProgressWithMarks({
  percent,
  marks,
  color,
  label,
}: {
  percent: number;
  marks: number[];
  color: string | undefined;
  label: string;
}) {
  const { t } = useTranslation('sla');
  return (
    <div style={{ position: 'relative' }} title={label}>
      <Progress percent={percent} showInfo={false} size="small" strokeColor={color} aria-label={label} />
      {marks.map((mark) => (
        <Tooltip key={mark} title={t('panel.warnMark', { percent: mark })}>
          <span
            data-testid="sla-warn-mark"
            style={{
              position: 'absolute',
              left: `${mark}%`,
              top: 2,
              width: 2,
              height: 12,
              background: '#faad14',
              transform: 'translateX(-1px)',
            }}
          />
        </Tooltip>
      ))}
    </div>
  );
}
