import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormDatePicker, ProFormSwitch, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomerContact } from '../../../api/types';
import { EditDeleteActions } from '../../../components/RowActions';
import { addContact, removeContact, updateContact } from '../archive/api';
import { PHONE_PATTERN } from '../archive/CustomerFields';
import { type ContactValues, toContactBody } from '../archive/customerForm';
import { refreshCustomer } from '../archive/useCustomer';

/** The contact persons of a customer: list, add, edit, remove. */
export function ContactsPanel({ customer, canWrite }: { customer: Customer; canWrite: boolean }) {
  const { t } = useTranslation(['customers', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ContactValues>();
  const [editing, setEditing] = useState<CustomerContact | 'new' | null>(null);
  const existing = editing !== 'new' ? editing : null;

  const save = useMutation({
    mutationFn: (values: ContactValues) =>
      existing
        ? updateContact(customer.id, existing.id, toContactBody(values))
        : addContact(customer.id, toContactBody(values)),
    meta: { form },
    onSuccess: (updated) => refreshCustomer(queryClient, customer.id, updated),
  });
  const remove = useMutation({
    mutationFn: (contactId: string) => removeContact(customer.id, contactId),
    onSuccess: () => refreshCustomer(queryClient, customer.id),
  });
  const phoneRule = { pattern: PHONE_PATTERN, message: t('validation.phone') };

  return (
    <>
      <Table<CustomerContact>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={customer.contacts}
        data-testid="contacts-table"
        title={() =>
          canWrite && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="contact-new">
              {t('contacts.add')}
            </Button>
          )
        }
        columns={[
          {
            title: t('contacts.fields.name'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Space size={4}>
                {name}
                {row.isPrimary && <Tag color="blue">{t('contacts.primary')}</Tag>}
              </Space>
            ),
          },
          { title: t('contacts.fields.title'), dataIndex: 'title' },
          { title: t('contacts.fields.mobile'), dataIndex: 'mobile' },
          { title: t('contacts.fields.phone'), dataIndex: 'phone' },
          { title: t('contacts.fields.email'), dataIndex: 'email' },
          { title: t('contacts.fields.wechat'), dataIndex: 'wechat' },
          { title: t('contacts.fields.birthday'), dataIndex: 'birthday' },
          {
            title: t('common:fields.actions'),
            key: 'actions',
            hidden: !canWrite,
            render: (_, row) => (
              <EditDeleteActions
                confirmTitle={t('common:confirmDelete', { name: row.name })}
                onEdit={() => setEditing(row)}
                onDelete={() => remove.mutateAsync(row.id)}
              />
            ),
          },
        ]}
      />
      <ModalForm<ContactValues>
        key={existing?.id ?? 'new'}
        title={existing ? t('contacts.edit') : t('contacts.add')}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        form={form}
        width={640}
        grid
        rowProps={{ gutter: 16 }}
        modalProps={{ destroyOnHidden: true }}
        initialValues={
          existing
            ? { ...existing, title: existing.title ?? undefined, birthday: existing.birthday ?? undefined }
            : { isPrimary: customer.contacts.length === 0 }
        }
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
        <ProFormText
          name="name"
          label={t('contacts.fields.name')}
          colProps={{ span: 12 }}
          rules={[{ required: true, whitespace: true, max: 64 }]}
        />
        <ProFormText name="title" label={t('contacts.fields.title')} colProps={{ span: 12 }} rules={[{ max: 64 }]} />
        <ProFormText name="mobile" label={t('contacts.fields.mobile')} colProps={{ span: 12 }} rules={[phoneRule]} />
        <ProFormText name="phone" label={t('contacts.fields.phone')} colProps={{ span: 12 }} rules={[phoneRule]} />
        <ProFormText
          name="email"
          label={t('contacts.fields.email')}
          colProps={{ span: 12 }}
          rules={[{ type: 'email' }]}
        />
        <ProFormText name="wechat" label={t('contacts.fields.wechat')} colProps={{ span: 12 }} rules={[{ max: 64 }]} />
        <ProFormDatePicker
          name="birthday"
          label={t('contacts.fields.birthday')}
          colProps={{ span: 12 }}
          fieldProps={{ style: { width: '100%' } }}
        />
        <ProFormSwitch name="isPrimary" label={t('contacts.primary')} colProps={{ span: 12 }} />
        <ProFormTextArea name="notes" label={t('fields.notes')} colProps={{ span: 24 }} rules={[{ max: 2000 }]} />
      </ModalForm>
    </>
  );
}
