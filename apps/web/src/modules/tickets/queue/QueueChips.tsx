import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketCounts } from '../core/types';
import { CHIPS, type ChipKey, type QueueChips as Chips, chipActive } from './queueUrl';

/** At this count the server stopped counting (list totals are capped alike). */
export const COUNT_CAP = 10_000;
export const formatCount = (n: number) => (n >= COUNT_CAP ? `${COUNT_CAP}+` : String(n));

/**
 * The one-click filters above the queue (超时 / 今日到期 / 投诉 / 重大 / 未结), each with how many
 * tickets of the tab it would show; the definition of each on hover (docs/ticket-queue.md).
 */
export function QueueChips({
  chips,
  counts,
  onToggle,
}: {
  chips: Chips;
  counts: TicketCounts['chips'] | undefined;
  onToggle: (chip: ChipKey) => void;
}) {
  const { t } = useTranslation('ticketsQueue');
  return (
    <Space size={[4, 8]} wrap data-testid="queue-chips">
      {CHIPS.map((chip) => {
        const active = chipActive(chips, chip);
        return (
          <Tooltip key={chip} title={t(`chips.${chip}Help`)}>
            <Tag.CheckableTag
              checked={active}
              onChange={() => onToggle(chip)}
              data-testid={`chip-${chip}`}
              data-active={active ? 'true' : 'false'}
              style={{ border: '1px solid #d9d9d9', padding: '2px 10px', fontSize: 14 }}
            >
              {t(`chips.${chip}`)}
              {counts ? <span style={{ marginInlineStart: 6, opacity: 0.85 }}>{formatCount(counts[chip])}</span> : null}
            </Tag.CheckableTag>
          </Tooltip>
        );
      })}
    </Space>
  );
}
