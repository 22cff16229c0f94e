import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerKey, customersQueryKey, getCustomer, listCustomers } from '../../customers/archive/api';

type Option = { value: string; label: string };

/** Searchable customer picker (`GET /api/v1/customers?q=`: name, code, phone or e-mail). */
export function CustomerPicker({
  initialOption,
  ...props
}: Omit<SelectProps<string>, 'options' | 'onSearch' | 'filterOption' | 'showSearch'> & {
  initialOption?: Option | null;
}) {
  const { t } = useTranslation('tickets');
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const query = useQuery({
    queryKey: [...customersQueryKey, 'picker', debounced],
    queryFn: () => listCustomers({ q: debounced || undefined, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const found: Option[] = (query.data?.items ?? []).map((c) => ({
      value: c.id,
      label: c.phone ? `${c.name}（${c.code} · ${c.phone}）` : `${c.name}（${c.code}）`,
    }));
    if (initialOption && !found.some((o) => o.value === initialOption.value)) found.unshift(initialOption);
    return found;
  }, [query.data, initialOption]);
  return (
    <Select<string>
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      loading={query.isFetching}
      options={options}
      placeholder={t('create.customerPlaceholder')}
      {...props}
    />
  );
}

/** The contacts of the picked customer (from its file). */
export function ContactPicker({
  customerId,
  ...props
}: Omit<SelectProps<string>, 'options'> & { customerId: string | undefined }) {
  const { t } = useTranslation('tickets');
  const customer = useQuery({
    queryKey: customerKey(customerId ?? ''),
    queryFn: () => getCustomer(customerId as string),
    enabled: !!customerId,
    staleTime: 5 * 60_000,
  });
  const contacts = customerId ? (customer.data?.contacts ?? []) : [];
  return (
    <Select<string>
      allowClear
      disabled={!customerId}
      loading={!!customerId && customer.isLoading}
      placeholder={t('create.contactPlaceholder')}
      options={contacts.map((c) => ({
        value: c.id,
        label: [c.name, c.title, c.mobile ?? c.phone].filter(Boolean).join(' · '),
      }))}
      {...props}
    />
  );
}
