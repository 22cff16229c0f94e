import { useQuery } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { customerKey, customersQueryKey, getCustomer, listCustomers } from '../../customers/archive/api';
import { type NewTicketParams, type NewTicketValues, pickContact } from './ticketForm';

type Option = { value: string; label: string };

/**
 * Fills the new-ticket form from its address once: `?customerId=` (the customer page's 新建工单) →
 * that customer and its primary contact; `?phone=` (an incoming call) → the customer whose number or
 * contact's number it is (`GET /customers?phone=`, within the agent's scope) and that contact, else
 * an unknown caller with the number; `?channel=` → the channel. Returns the customer option the
 * picker shows before any search, and whether the look-up is still running.
 */
export function useNewTicketPrefill(form: FormInstance<NewTicketValues>, params: NewTicketParams) {
  const [option, setOption] = useState<Option | null>(null);
  const done = useRef(false);
  const byPhone = useQuery({
    queryKey: [...customersQueryKey, 'by-phone', params.phone ?? ''],
    queryFn: () => listCustomers({ phone: params.phone, pageSize: 1 }),
    enabled: !params.customerId && !!params.phone,
  });
  const customerId = params.customerId ?? byPhone.data?.items[0]?.id;
  const customer = useQuery({
    queryKey: customerKey(customerId ?? ''),
    queryFn: () => getCustomer(customerId as string),
    enabled: !!customerId,
    staleTime: 5 * 60_000,
  });

  useEffect(() => {
    if (done.current) return;
    if (params.channel) form.setFieldValue('channel', params.channel);
    if (params.customerId || params.phone) {
      if (customer.data) {
        done.current = true;
        const c = customer.data;
        setOption({ value: c.id, label: c.phone ? `${c.name}（${c.code} · ${c.phone}）` : `${c.name}（${c.code}）` });
        form.setFieldsValue({
          caller: 'customer',
          customerId: c.id,
          contactId: pickContact(c.contacts, params.phone),
        });
        return;
      }
      const lookedUp = params.phone && !params.customerId && byPhone.isSuccess && byPhone.data.items.length === 0;
      if (lookedUp || byPhone.isError || customer.isError) {
        done.current = true;
        if (params.phone) form.setFieldsValue({ caller: 'unknown', contactPhone: params.phone });
      }
      return;
    }
    done.current = true;
  }, [form, params, customer.data, customer.isError, byPhone.isSuccess, byPhone.isError, byPhone.data]);

  return { option, loading: (!!params.phone && byPhone.isLoading) || (!!customerId && customer.isLoading) };
}
