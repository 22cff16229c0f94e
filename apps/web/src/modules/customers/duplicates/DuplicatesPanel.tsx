import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, List, Popconfirm, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { alreadyShown } from '../../../api/errors';
import type { Customer } from '../../../api/types';
import { customerKey, customersQueryKey, listDuplicates, mergeCustomer } from '../archive/api';
import { refreshCustomer } from '../archive/useCustomer';

/** Possible duplicates of this customer; with `customers.merge`, merge one into this file. */
export function DuplicatesPanel({ customer, canMerge }: { customer: Customer; canMerge: boolean }) {
  const { t } = useTranslation(['customersDuplicates', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [...customerKey(customer.id), 'duplicates'],
    queryFn: () => listDuplicates(customer.id),
  });
  const merge = useMutation({
    mutationFn: (sourceId: string) => mergeCustomer(customer.id, sourceId),
    onSuccess: async (merged) => {
      await refreshCustomer(queryClient, customer.id, merged);
      await queryClient.invalidateQueries({ queryKey: customersQueryKey });
      message.success(t('merge.done'));
    },
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('merge.explain', { code: customer.code })} />
      <List
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('merge.none') }}
        data-testid="duplicates-list"
        renderItem={(d) => (
          <List.Item
            actions={
              canMerge
                ? [
                    <Popconfirm
                      key="merge"
                      title={t('merge.confirm', {
                        source: `${d.code} ${d.name}`,
                        target: `${customer.code} ${customer.name}`,
                      })}
                      description={t('merge.irreversible')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => merge.mutateAsync(d.id).catch(alreadyShown)}
                    >
                      <Button size="small" danger loading={merge.isPending && merge.variables === d.id}>
                        {t('merge.action')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space wrap>
              <Link to={`/customers/${d.id}`}>
                {d.code} {d.name}
              </Link>
              {d.reasons.map((r) => (
                <Tag key={r} color="orange">
                  {t(`duplicates.reasons.${r}`, { defaultValue: r })}
                </Tag>
              ))}
            </Space>
          </List.Item>
        )}
      />
      {(query.data?.elsewhere ?? []).map((e, i) => (
        <Alert
          // biome-ignore lint/suspicious/noArrayIndexKey: the entries have no identity, by design
          key={i}
          type="info"
          showIcon
          data-testid="duplicate-elsewhere"
          message={
            e.contacts.length > 0
              ? t('duplicates.elsewhere', {
                  fields: e.reasons.map((r) => t(`duplicates.fields.${r}`)).join(t('duplicates.fieldsJoin')),
                  contacts: e.contacts.join('、'),
                })
              : t('duplicates.elsewhereNoContact', {
                  fields: e.reasons.map((r) => t(`duplicates.fields.${r}`)).join(t('duplicates.fieldsJoin')),
                })
          }
        />
      ))}
    </Space>
  );
}
