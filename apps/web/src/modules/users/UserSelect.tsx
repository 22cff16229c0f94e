import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../auth/useAccess';
import { listUsers, usersQueryKey } from './api';

type Option = { value: string; label: string };

export type UserSelectProps = Omit<SelectProps<string>, 'options' | 'onSearch' | 'filterOption' | 'showSearch'> & {
  /** The current value's label, so an existing choice shows a name before any search. */
  initialOption?: Option | null;
  /** Users that may not be picked (e.g. the user being edited, as their own superior). */
  excludeIds?: string[];
  /** Offer active users only (default); false also offers deactivated ones (e.g. a leaving user). */
  activeOnly?: boolean;
};

/** Searchable user picker (server-side search on `q`, active users only). */
export function UserSelect({ initialOption, excludeIds, placeholder, activeOnly = true, ...props }: UserSelectProps) {
  const { t } = useTranslation('users');
  const canRead = useAccess().can('users.read');
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const query = useQuery({
    queryKey: [...usersQueryKey, 'options', debounced, activeOnly],
    queryFn: () => listUsers({ q: debounced || undefined, isActive: activeOnly ? 'true' : undefined, pageSize: 20 }),
    enabled: canRead,
    placeholderData: keepPreviousData,
  });

  const options = useMemo(() => {
    const found: Option[] = (query.data?.items ?? []).map((user) => ({
      value: user.id,
      label: user.isActive
        ? `${user.displayName} (${user.username})`
        : `${user.displayName} (${user.username}) · ${t('select.inactive')}`,
    }));
    if (initialOption && !found.some((option) => option.value === initialOption.value)) found.unshift(initialOption);
    return found.filter((option) => !excludeIds?.includes(option.value));
  }, [query.data, initialOption, excludeIds, t]);

  return (
    <Select<string>
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      loading={query.isFetching}
      options={options}
      placeholder={placeholder ?? t('select.placeholder')}
      notFoundContent={query.isFetching ? undefined : t('select.empty')}
      {...props}
    />
  );
}
