import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormDatePicker, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Popconfirm, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alreadyShown } from '../../../api/errors';
import type { Milestone, MilestoneBody } from '../../../api/types';
import { addMilestone, customerKey, listMilestones, removeMilestone } from '../archive/api';
import { refreshCustomerRecords } from '../archive/useCustomer';
import { useMilestoneTypes } from '../settings/settingsApi';

type Values = { typeKey: string; date: string; note?: string };

/** Milestone dates (booking, shoot, delivery, installation…), which drive callbacks. */
export function MilestonesPanel({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const { t } = useTranslation(['customersRecords', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);
  const types = useMilestoneTypes();
  const query = useQuery({
    queryKey: [...customerKey(customerId), 'milestones'],
    queryFn: () => listMilestones(customerId),
  });
  const nameOf = (m: Milestone) => types.items.find((type) => type.key === m.typeKey)?.name ?? m.typeName;

  const add = useMutation({
    mutationFn: (body: MilestoneBody) => addMilestone(customerId, body),
    meta: { form },
    onSuccess: () => refreshCustomerRecords(queryClient, customerId),
  });
  const remove = useMutation({
    mutationFn: (id: string) => removeMilestone(customerId, id),
    onSuccess: () => refreshCustomerRecords(queryClient, customerId),
  });
  const today = dayjs().format('YYYY-MM-DD');
  const items = [...(query.data?.items ?? [])].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <>
      <Table<Milestone>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        pagination={false}
        dataSource={items}
        data-testid="milestones-table"
        title={() =>
          canWrite && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="milestone-add">
              {t('milestones.add')}
            </Button>
          )
        }
        columns={[
          { title: t('milestones.type'), key: 'type', render: (_, m) => nameOf(m) },
          {
            title: t('milestones.date'),
            dataIndex: 'date',
            render: (date: string) => (
              <>
                {date}{' '}
                {date === today ? (
                  <Tag color="red">{t('milestones.today')}</Tag>
                ) : date > today ? (
                  <Tag color="blue">{t('milestones.upcoming')}</Tag>
                ) : null}
              </>
            ),
          },
          { title: t('milestones.order'), dataIndex: 'orderNo', render: (v: string | null) => v ?? '-' },
          { title: t('milestones.note'), dataIndex: 'note', render: (v: string | null) => v ?? '-' },
          {
            title: t('common:fields.actions'),
            key: 'actions',
            hidden: !canWrite,
            render: (_, m) => (
              <Popconfirm
                title={t('common:confirmDelete', { name: `${nameOf(m)} ${m.date}` })}
                onConfirm={() => remove.mutateAsync(m.id).catch(alreadyShown)}
              >
                <Button type="link" size="small" danger>
                  {t('common:actions.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <ModalForm<Values>
        title={t('milestones.add')}
        open={adding}
        onOpenChange={setAdding}
        form={form}
        width={480}
        modalProps={{ destroyOnHidden: true }}
        onFinish={async (values) => {
          try {
            await add.mutateAsync({ typeKey: values.typeKey, date: values.date, note: values.note?.trim() || null });
          } catch {
            return false;
          }
          message.success(t('common:feedback.created'));
          return true;
        }}
      >
        <ProFormSelect
          name="typeKey"
          label={t('milestones.type')}
          options={types.items.map((m) => ({ value: m.key, label: m.name }))}
          rules={[{ required: true }]}
          fieldProps={{ id: 'milestone-type' }}
        />
        <ProFormDatePicker
          name="date"
          label={t('milestones.date')}
          rules={[{ required: true }]}
          fieldProps={{ style: { width: '100%' }, id: 'milestone-date' }}
        />
        <ProFormTextArea name="note" label={t('milestones.note')} rules={[{ max: 500 }]} />
      </ModalForm>
    </>
  );
}
