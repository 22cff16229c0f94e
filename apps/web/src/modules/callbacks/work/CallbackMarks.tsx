import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { useNow } from '../../tickets/core/TicketMarks';
import { deadlineClock, dueWords, type RowTag, type Span } from './callbackRules';
import type { CallbackItem } from './callbackTypes';

const TAG_COLORS: Record<RowTag, string> = {
  overdue: 'red',
  writeUp: 'orange',
  lowScore: 'magenta',
  complaint: 'volcano',
};

/** Words for a span: "2 小时" / "2 h". */
export function useSpanText() {
  const { t } = useTranslation('callbacksWork');
  return (s: Span) => t(`labels.units.${s.unit}`, { count: s.count });
}

/** The row's marks: overdue, needs a write-up, low-score follow-up, complaint raised. */
export function RowTags({ tags }: { tags: RowTag[] }) {
  const { t } = useTranslation('callbacksWork');
  return (
    <>
      {tags.map((tag) => (
        <Tooltip key={tag} title={t(`labels.tagHelp.${tag}`)}>
          <Tag color={TAG_COLORS[tag]} data-testid={`callback-tag-${tag}`} style={{ marginInlineEnd: 4 }}>
            {t(`labels.tag.${tag}`)}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}

/** When to call, relative ("2 小时后" / "已到期 3 小时") and absolute; red when past the deadline. */
export function DueText({
  item,
}: {
  item: Pick<CallbackItem, 'dueAt' | 'overdue' | 'status' | 'statusLabel' | 'completedAt'>;
}) {
  const { t } = useTranslation('callbacksWork');
  const { token } = theme.useToken();
  const now = useNow();
  const spanText = useSpanText();
  if (item.status === 'done' || item.status === 'cancelled') {
    return (
      <Typography.Text type="secondary" data-testid="callback-due">
        {item.completedAt ? t('labels.completedAt', { time: formatDateTime(item.completedAt) }) : item.statusLabel}
      </Typography.Text>
    );
  }
  const words = dueWords(item.dueAt, now);
  const relative = words.past
    ? t('labels.dueAgo', { time: spanText(words) })
    : t('labels.dueIn', { time: spanText(words) });
  const color = item.overdue ? token.colorError : words.past ? token.colorWarning : undefined;
  return (
    <Tooltip title={t('labels.dueHelp')}>
      <Typography.Text
        data-testid="callback-due"
        data-overdue={item.overdue ? 'true' : 'false'}
        strong={item.overdue || words.past}
        style={{ color, overflowWrap: 'anywhere' }}
      >
        <ClockCircleOutlined /> {relative} · {formatDateTime(item.dueAt)}
      </Typography.Text>
    </Tooltip>
  );
}

/** The deadline clock: time left to the deadline, red once past it. */
export function DeadlineClock({ item }: { item: Pick<CallbackItem, 'deadlineAt' | 'status'> }) {
  const { t } = useTranslation('callbacksWork');
  const { token } = theme.useToken();
  const now = useNow();
  const spanText = useSpanText();
  const clock = deadlineClock(item.deadlineAt, item.status, now);
  const at = item.deadlineAt ? formatDateTime(item.deadlineAt) : t('labels.noDeadline');
  const text =
    clock.kind === 'none'
      ? at
      : clock.kind === 'left'
        ? t('labels.deadlineLeft', { time: spanText(clock), at })
        : t('labels.deadlinePast', { time: spanText(clock), at });
  return (
    <Tooltip title={t('labels.deadlineHelp')}>
      <Typography.Text
        data-testid="callback-deadline"
        data-past={clock.kind === 'past' ? 'true' : 'false'}
        strong={clock.kind === 'past'}
        style={{ color: clock.kind === 'past' ? token.colorError : undefined }}
      >
        {text}
      </Typography.Text>
    </Tooltip>
  );
}
