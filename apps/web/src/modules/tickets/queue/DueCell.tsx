import { ClockCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { COMPLAINT_RED, useNow } from '../core/TicketMarks';
import type { TicketListItem } from '../core/types';
import { dueLabel } from './dueLabel';

/** The due column: overdue in red, else the time left ("2 小时后到期"); the exact time on hover. */
export function DueCell({ row }: { row: Pick<TicketListItem, 'dueAt' | 'overdue'> }) {
  const { t } = useTranslation('ticketsQueue');
  const now = useNow();
  const label = dueLabel(row.dueAt, row.overdue, now);
  if (label.kind === 'none') return <Typography.Text type="secondary">-</Typography.Text>;
  const time = label.kind === 'breached' ? '' : t(`due.units.${label.unit}`, { count: label.count });
  const text =
    label.kind === 'in'
      ? t('due.in', { time })
      : label.kind === 'overdue'
        ? t('due.overdueBy', { time })
        : t('due.breached');
  const danger = label.kind !== 'in';
  return (
    <Tooltip title={row.dueAt ? t('due.at', { time: formatDateTime(row.dueAt) }) : t('due.definition')}>
      <Typography.Text
        data-testid="ticket-due"
        data-overdue={row.overdue ? 'true' : 'false'}
        strong={danger}
        style={{ color: danger ? COMPLAINT_RED : undefined, whiteSpace: 'nowrap' }}
      >
        <ClockCircleOutlined /> {text}
      </Typography.Text>
    </Tooltip>
  );
}
