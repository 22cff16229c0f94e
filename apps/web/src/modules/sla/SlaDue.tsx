import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNow } from '../tickets/core/TicketMarks';
import type { TicketListItem } from '../tickets/core/types';
import { formatMinutes, TONE_COLORS, type Tone, type Unit } from './clocks/clockView';
import { formatInstant } from './clocks/formatTime';

export type SlaState = TicketListItem['slaState'];

/** The queue's tone for a ticket's nearest due time (`slaDueAt` + `slaState`, kept by the sla module). */
export function dueTone(dueAt: string | null, state: SlaState, now: number): Tone {
  if (state === 'paused') return 'paused';
  if (!dueAt) return 'muted';
  if (state === 'breached' || new Date(dueAt).getTime() < now) return 'danger';
  if (state === 'warning') return 'warning';
  return 'normal';
}

/** The due column: overdue in red, at risk in orange, paused in grey; the exact time in the tooltip. */
export function SlaDue({ dueAt, state }: { dueAt: string | null; state: SlaState }) {
  const { t, i18n } = useTranslation('sla');
  const now = useNow();
  const tone = dueTone(dueAt, state, now);
  const unit = (name: Unit, count: number) => t(`units.${name}`, { count });
  if (tone === 'paused') {
    return (
      <Typography.Text type="secondary" data-testid="sla-due" data-tone={tone}>
        <PauseCircleOutlined /> {t('due.paused')}
      </Typography.Text>
    );
  }
  if (!dueAt) return <Typography.Text type="secondary">{t('due.none')}</Typography.Text>;
  const minutes = Math.abs(new Date(dueAt).getTime() - now) / 60_000;
  const time = formatMinutes(minutes, unit, true);
  return (
    <Tooltip title={formatInstant(dueAt, i18n.language)}>
      <Typography.Text
        data-testid="sla-due"
        data-tone={tone}
        strong={tone === 'danger'}
        style={{ color: TONE_COLORS[tone], whiteSpace: 'nowrap' }}
      >
        <ClockCircleOutlined /> {tone === 'danger' ? t('due.overdue', { time }) : t('due.in', { time })}
      </Typography.Text>
    </Tooltip>
  );
}
