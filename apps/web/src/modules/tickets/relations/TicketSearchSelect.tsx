import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { listTickets, ticketsQueryKey } from '../core/api';
import type { TicketListItem } from '../core/types';

/** Finds a ticket by number or words (full-text search) and hands the picked one over. */
export function TicketSearchSelect({
  placeholder,
  excludeIds,
  onPick,
  testId,
}: {
  placeholder: string;
  excludeIds: readonly string[];
  onPick: (ticket: TicketListItem) => void;
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const candidates = useQuery({
    queryKey: [...ticketsQueryKey, 'list', 'picker', debounced],
    queryFn: () => listTickets({ queue: 'all', q: debounced, pageSize: 10 }),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
  });
  const items = (candidates.data?.items ?? []).filter((item) => !excludeIds.includes(item.id));
  return (
    <Select<string>
      showSearch
      value={null}
      filterOption={false}
      onSearch={setSearch}
      placeholder={placeholder}
      style={{ width: '100%', maxWidth: 480 }}
      loading={candidates.isFetching}
      options={items.map((item) => ({ value: item.id, label: `${item.number} · ${item.subject}` }))}
      onSelect={(id) => {
        const picked = items.find((item) => item.id === id);
        if (picked) onPick(picked);
      }}
      data-testid={testId}
    />
  );
}
