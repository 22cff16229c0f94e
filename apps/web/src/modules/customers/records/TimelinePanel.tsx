import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Select, Space, Spin, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../api/types';
import { customerKey, listTimeline } from '../archive/api';
import { useCustomFields, useMilestoneTypes } from '../settings/settingsApi';
import { LogContactModal } from './LogContactModal';
import { TimelineEntryView } from './TimelineEntryView';
import { CONTACT_KINDS, entryKind } from './timelineFormat';
import { TIMELINE_ICONS } from './timelineIcons';

const PAGE_SIZE = 20;
/** Filter groups → the `kind` values the API filters by. */
const FILTERS = {
  contacts: CONTACT_KINDS.join(','),
  change: 'change,merge,handover',
  milestone: 'milestone',
  evaluation: 'evaluation',
} as const;
type Filter = keyof typeof FILTERS;

/** The customer's timeline, newest first, with a "log contact" form. */
export function TimelinePanel({ customer, canWrite }: { customer: Customer; canWrite: boolean }) {
  const { t } = useTranslation('customersRecords');
  const [filter, setFilter] = useState<Filter | undefined>();
  const [logging, setLogging] = useState(false);
  const customFields = useCustomFields();
  const milestoneTypes = useMilestoneTypes();
  const staffNames = new Map(customer.staff.map((s) => [s.userId, s.displayName]));

  const query = useInfiniteQuery({
    queryKey: [...customerKey(customer.id), 'timeline', filter ?? 'all'],
    queryFn: ({ pageParam }) => listTimeline(customer.id, pageParam, PAGE_SIZE, filter ? FILTERS[filter] : undefined),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  const lookups = { customFields: customFields.items, milestoneTypes: milestoneTypes.items, staffNames };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select<Filter>
          allowClear
          style={{ width: 180 }}
          placeholder={t('timeline.filterAll')}
          value={filter}
          onChange={setFilter}
          options={(Object.keys(FILTERS) as Filter[]).map((f) => ({ value: f, label: t(`timeline.filters.${f}`) }))}
        />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)} data-testid="log-contact">
            {t('logContact.title')}
          </Button>
        )}
      </Space>
      {query.isLoading ? (
        <Spin />
      ) : entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />
      ) : (
        <Timeline
          data-testid="timeline"
          items={entries.map((entry) => {
            const look = TIMELINE_ICONS[entryKind(entry)];
            return {
              key: entry.id,
              color: look.color,
              dot: <span style={{ color: look.color, fontSize: 16 }}>{look.icon}</span>,
              children: <TimelineEntryView entry={entry} lookups={lookups} />,
            };
          })}
        />
      )}
      {query.hasNextPage && (
        <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t('timeline.more')}
        </Button>
      )}
      <LogContactModal customerId={customer.id} open={logging} onClose={() => setLogging(false)} />
    </Space>
  );
}
