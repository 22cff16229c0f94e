import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space, Table } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarsKey, getOfficialYear, officialKey, putOfficialYear } from './api';
import type { OfficialDay } from './types';

type Values = { days: OfficialDay[] };

/**
 * A year's official arrangement as a table form: each day off and each make-up working day with
 * its Chinese and English names. Saving replaces the year.
 */
export function OfficialYearEditor({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation(['calendars', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const query = useQuery({ queryKey: [...officialKey, year], queryFn: () => getOfficialYear(year) });
  useEffect(() => {
    if (query.data) form.setFieldsValue({ days: query.data.days });
  }, [query.data, form]);
  const save = useMutation({
    mutationFn: (days: OfficialDay[]) => putOfficialYear(year, days),
    onSuccess: async () => {
      message.success(t('official.saved', { year }));
      await queryClient.invalidateQueries({ queryKey: calendarsKey });
      onClose();
    },
  });
  const inYear = (value: string | undefined) =>
    value && /^\d{4}-\d{2}-\d{2}$/.test(value) && value.startsWith(`${year}-`)
      ? Promise.resolve()
      : Promise.reject(new Error(t('official.dayRequired')));

  return (
    <Drawer
      open
      title={t('official.edit', { year })}
      width="min(760px, 100vw)"
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          onClick={async () => {
            const values = await form.validateFields();
            // Only the fields the server takes (the year's answer also has `name` and `source`).
            const days = (values.days ?? []).map(({ date, kind, nameZh, nameEn }) => ({
              date: date.trim(),
              kind,
              nameZh: nameZh.trim(),
              nameEn: nameEn?.trim() || nameZh.trim(),
            }));
            save.mutate(days.sort((a, b) => a.date.localeCompare(b.date)));
          }}
        >
          {t('common:actions.save')}
        </Button>
      }
    >
      <Form form={form} component={false} initialValues={{ days: [] }}>
        <Form.List name="days">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table
                size="small"
                loading={query.isLoading}
                rowKey="key"
                dataSource={fields}
                pagination={false}
                scroll={{ x: 600 }}
                columns={[
                  {
                    title: t('fields.date'),
                    width: 140,
                    render: (_, field) => (
                      <Form.Item name={[field.name, 'date']} rules={[{ validator: (_r, v) => inYear(v) }]} noStyle>
                        <Input placeholder={`${year}-10-01`} aria-label={t('fields.date')} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('fields.kind'),
                    width: 150,
                    render: (_, field) => (
                      <Form.Item name={[field.name, 'kind']} noStyle>
                        <Select
                          aria-label={t('fields.kind')}
                          style={{ width: '100%' }}
                          options={[
                            { value: 'off', label: t('kind.holiday') },
                            { value: 'work', label: t('kind.makeup_workday') },
                          ]}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('official.nameZh'),
                    render: (_, field) => (
                      <Form.Item name={[field.name, 'nameZh']} rules={[{ required: true, whitespace: true }]} noStyle>
                        <Input aria-label={t('official.nameZh')} maxLength={32} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('official.nameEn'),
                    render: (_, field) => (
                      <Form.Item name={[field.name, 'nameEn']} noStyle>
                        <Input aria-label={t('official.nameEn')} maxLength={64} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('common:fields.actions'),
                    width: 60,
                    render: (_, field) => (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common:actions.delete')}
                        onClick={() => remove(field.name)}
                      />
                    ),
                  },
                ]}
              />
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ date: '', kind: 'off', nameZh: '', nameEn: '' } satisfies OfficialDay)}
              >
                {t('official.addDay')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
