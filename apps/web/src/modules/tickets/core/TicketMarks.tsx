import { ClockCircleOutlined, FireFilled } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { formatDuration, nextReplyState } from '../conversation/nextReply';
import type { TicketPriority, TicketStatus } from './types';
import { OPEN_STATUSES } from './types';

/** The complaint red (seed 001: 客诉要用红色字体记录) — one value for rows, tags and titles. */
export const COMPLAINT_RED = '#cf1322';
export const COMPLAINT_ROW_BG = '#fff1f0';

/** 投诉 in red; 重大 as a filled red badge next to it. */
export function ComplaintMarks({ isComplaint, isMajor }: { isComplaint: boolean; isMajor: boolean }) {
  const { t } = useTranslation('tickets');
  if (!isComplaint) return null;
  return (
    <>
      <Tag color="red" data-testid="complaint-tag" style={{ marginInlineEnd: 4 }}>
        {t('marks.complaint')}
      </Tag>
      {isMajor && (
        <Tag color={COMPLAINT_RED} icon={<FireFilled />} data-testid="major-badge" style={{ marginInlineEnd: 4 }}>
          {t('marks.major')}
        </Tag>
      )}
    </>
  );
}

const STATUS_COLORS: Record<TicketStatus, string> = {
  received: 'blue',
  classified: 'geekblue',
  investigating: 'processing',
  resolved: 'green',
  feedback: 'cyan',
  closed: 'default',
  merged: 'default',
};

export function StatusTag({ status }: { status: TicketStatus }) {
  const { t } = useTranslation('tickets');
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="ticket-status" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

const PRIORITY_COLORS: Record<TicketPriority, string | undefined> = {
  low: undefined,
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export function PriorityTag({ priority }: { priority: TicketPriority }) {
  const { t } = useTranslation('tickets');
  return <Tag color={PRIORITY_COLORS[priority]}>{t(`priority.${priority}`)}</Tag>;
}

/** Re-renders every 30 s, so countdowns stay current without refetching. */
export function useNow(intervalMs = 30_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The promised next reply as a countdown; overdue in red. */
export function NextReplyCountdown({
  nextReplyAt,
  status,
  strong,
}: {
  nextReplyAt: string | null;
  status: TicketStatus;
  strong?: boolean;
}) {
  const { t } = useTranslation('tickets');
  const now = useNow();
  const state = nextReplyState(nextReplyAt, OPEN_STATUSES.includes(status), now);
  const unit = (name: 'days' | 'hours' | 'minutes', count: number) => t(`nextReply.${name}`, { count });
  if (state.kind === 'done') return <Typography.Text type="secondary">{t('nextReply.done')}</Typography.Text>;
  if (state.kind === 'none') return <Typography.Text type="secondary">{t('nextReply.none')}</Typography.Text>;
  const overdue = state.kind === 'overdue';
  const text = overdue
    ? t('nextReply.overdue', { time: formatDuration(state.ms, unit) })
    : t('nextReply.in', { time: formatDuration(state.ms, unit) });
  return (
    <Tooltip title={formatDateTime(nextReplyAt)}>
      <Typography.Text
        type={overdue ? 'danger' : undefined}
        strong={strong || overdue}
        data-testid="next-reply"
        data-overdue={overdue ? 'true' : 'false'}
        style={overdue ? { color: COMPLAINT_RED } : undefined}
      >
        <ClockCircleOutlined /> {text}
      </Typography.Text>
    </Tooltip>
  );
}
