import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormDigit, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessFigures } from '../../../api/types';
import { EChart } from '../../../components/EChart';
import { customerKey, getFigures, putFigures } from '../archive/api';
import { refreshCustomerRecords } from '../archive/useCustomer';
import { figuresChartOption } from './figuresChart';

const PAYMENT = ['on_time', 'mostly_on_time', 'late', 'defaulted'] as const;
type Values = Omit<BusinessFigures, 'notes'> & { notes?: string };

/** Yearly business figures: a table, a chart, and a form for one year at a time. */
export function FiguresPanel({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation(['customersRecords', 'customers', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Partial<BusinessFigures> | null>(null);
  const query = useQuery({ queryKey: [...customerKey(customerId), 'figures'], queryFn: () => getFigures(customerId) });
  const items = query.data?.items ?? [];
  const save = useMutation({
    mutationFn: (values: Values) =>
      putFigures(customerId, [
        {
          year: values.year,
          revenue: values.revenue ?? null,
          orderCount: values.orderCount ?? null,
          paymentRecord: values.paymentRecord ?? null,
          notes: values.notes?.trim() || null,
        },
      ]),
    meta: { form },
    onSuccess: () => refreshCustomerRecords(queryClient, customerId),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels follow the language
  const option = useMemo(
    () => figuresChartOption(items, { revenue: t('figures.revenue'), orders: t('figures.orderCount') }),
    [items, t, i18n.language],
  );
  const money = (v: number | null) => (v === null ? '-' : v.toLocaleString(i18n.language));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {items.length > 0 && <EChart option={option} height={260} data-testid="figures-chart" />}
      <Table<BusinessFigures>
        size="small"
        rowKey="year"
        loading={query.isLoading}
        pagination={false}
        dataSource={items}
        title={() =>
          canWrite && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing({ year: new Date().getFullYear() })}>
              {t('figures.add')}
            </Button>
          )
        }
        columns={[
          { title: t('figures.year'), dataIndex: 'year' },
          { title: t('figures.revenue'), dataIndex: 'revenue', align: 'right', render: money },
          {
            title: t('figures.orderCount'),
            dataIndex: 'orderCount',
            align: 'right',
            render: (v: number | null) => v ?? '-',
          },
          {
            title: t('figures.paymentRecord'),
            dataIndex: 'paymentRecord',
            render: (v: (typeof PAYMENT)[number] | null) => (v ? t(`figures.payment.${v}`) : '-'),
          },
          { title: t('customers:fields.notes'), dataIndex: 'notes', render: (v: string | null) => v ?? '-' },
          {
            title: t('common:fields.actions'),
            key: 'actions',
            hidden: !canWrite,
            render: (_, row) => (
              <Button type="link" size="small" onClick={() => setEditing(row)}>
                {t('common:actions.edit')}
              </Button>
            ),
          },
        ]}
      />
      <ModalForm<Values>
        key={editing?.year ?? 'none'}
        title={t('figures.edit')}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        form={form}
        width={480}
        modalProps={{ destroyOnHidden: true }}
        initialValues={{ ...editing, notes: editing?.notes ?? undefined }}
        onFinish={async (values) => {
          try {
            await save.mutateAsync(values);
          } catch {
            return false;
          }
          message.success(t('common:feedback.saved'));
          return true;
        }}
      >
        <ProFormDigit
          name="year"
          label={t('figures.year')}
          min={1900}
          max={2200}
          fieldProps={{ precision: 0 }}
          rules={[{ required: true }]}
        />
        <ProFormDigit
          name="revenue"
          label={t('figures.revenue')}
          min={0}
          fieldProps={{ addonAfter: t('customers:units.yuan') }}
        />
        <ProFormDigit name="orderCount" label={t('figures.orderCount')} min={0} fieldProps={{ precision: 0 }} />
        <ProFormSelect
          name="paymentRecord"
          label={t('figures.paymentRecord')}
          options={PAYMENT.map((p) => ({ value: p, label: t(`figures.payment.${p}`) }))}
        />
        <ProFormTextArea name="notes" label={t('customers:fields.notes')} rules={[{ max: 2000 }]} />
      </ModalForm>
    </Space>
  );
}
