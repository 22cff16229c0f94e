import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Empty, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../api/errors';
import { setFieldErrors } from '../../../api/formErrors';
import { UserSelect } from '../../users/UserSelect';
import { addMeasure, listMeasures, ticketKey } from '../core/api';
import type { Measure } from '../core/types';

type AddValues = { title: string; ownerId: string; dueDate: Dayjs };

const STATUS_COLORS: Record<Measure['status'], string> = {
  open: 'orange',
  in_progress: 'processing',
  done: 'green',
  cancelled: 'default',
};

/**
 * Improvement measures of a complaint (owner, due date, status), with an inline "add" row. Used in
 * the close dialog (a complaint needs one) and on the ticket page. The inner form renders no
 * <form> element, so it may sit inside another form.
 */
export function MeasuresPanel({ ticketId, canAdd }: { ticketId: string; canAdd: boolean }) {
  const { t } = useTranslation('ticketsMeasures');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AddValues>();
  const key = [...ticketKey(ticketId), 'measures'];
  const measures = useQuery({ queryKey: key, queryFn: async () => (await listMeasures(ticketId)).items });
  const add = useMutation({
    mutationFn: (values: AddValues) =>
      addMeasure(ticketId, {
        title: values.title.trim(),
        ownerId: values.ownerId,
        dueDate: values.dueDate.format('YYYY-MM-DD'),
      }),
    meta: { silent: true },
    onSuccess: async () => {
      form.resetFields();
      message.success(t('panel.added'));
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => {
      if (!setFieldErrors(form, error)) showError(error);
    },
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="measures">
      <Typography.Text strong>{t('panel.title')}</Typography.Text>
      <Table<Measure>
        size="small"
        rowKey="id"
        loading={measures.isLoading}
        pagination={false}
        dataSource={measures.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('panel.empty')} /> }}
        columns={[
          { title: t('panel.titleField'), dataIndex: 'title' },
          { title: t('panel.owner'), key: 'owner', render: (_, m) => m.owner.displayName, width: 120 },
          { title: t('panel.dueDate'), dataIndex: 'dueDate', width: 110 },
          {
            title: t('panel.status'),
            dataIndex: 'status',
            width: 90,
            render: (status: Measure['status']) => (
              <Tag color={STATUS_COLORS[status]}>{t(`panel.statuses.${status}`)}</Tag>
            ),
          },
        ]}
      />
      {canAdd && (
        <Form<AddValues> form={form} component={false} onFinish={(values) => add.mutate(values)}>
          <Space align="start" wrap>
            <Form.Item
              name="title"
              rules={[{ required: true, whitespace: true, max: 500 }]}
              style={{ marginBottom: 0 }}
            >
              <Input id="measure-title" placeholder={t('panel.titleField')} style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="ownerId" rules={[{ required: true }]} style={{ marginBottom: 0 }}>
              <UserSelect id="measure-owner" placeholder={t('panel.owner')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="dueDate" rules={[{ required: true }]} style={{ marginBottom: 0 }}>
              <DatePicker
                id="measure-due"
                placeholder={t('panel.dueDate')}
                disabledDate={(day) => day.isBefore(dayjs().startOf('day'))}
              />
            </Form.Item>
            <Button
              icon={<PlusOutlined />}
              loading={add.isPending}
              onClick={() => form.submit()}
              data-testid="measure-add"
            >
              {t('panel.add')}
            </Button>
          </Space>
        </Form>
      )}
    </Space>
  );
}
