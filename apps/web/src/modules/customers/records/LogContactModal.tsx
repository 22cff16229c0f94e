import {
  ModalForm,
  ProFormDateTimePicker,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { LogContactBody } from '../../../api/types';
import { logContact } from '../archive/api';
import { refreshCustomerRecords } from '../archive/useCustomer';
import { CONTACT_KINDS } from './timelineFormat';

type Values = {
  kind: LogContactBody['kind'];
  direction?: 'inbound' | 'outbound';
  at?: string;
  title: string;
  body?: string;
};

/** 记录联系: a call, e-mail, visit, letter, fax, WeChat exchange or note, onto the timeline. */
export function LogContactModal({
  customerId,
  open,
  onClose,
}: {
  customerId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['customersRecords', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (values: Values) =>
      logContact(customerId, {
        kind: values.kind,
        direction: values.kind === 'note' ? undefined : values.direction,
        at: values.at ? dayjs(values.at).toISOString() : undefined,
        title: values.title.trim(),
        body: values.body?.trim() || null,
      }),
    meta: { form },
    onSuccess: () => refreshCustomerRecords(queryClient, customerId),
  });

  return (
    <ModalForm<Values>
      title={t('logContact.title')}
      open={open}
      onOpenChange={(next) => !next && onClose()}
      form={form}
      width={560}
      modalProps={{ destroyOnHidden: true }}
      // No default time: left empty, the server stamps the moment of saving (a default computed when
      // the dialog first rendered would put the entry below anything recorded since).
      initialValues={{ kind: 'call', direction: 'outbound' }}
      onFinish={async (values) => {
        try {
          await save.mutateAsync(values);
        } catch {
          return false;
        }
        message.success(t('logContact.done'));
        return true;
      }}
    >
      <ProFormSelect
        name="kind"
        label={t('logContact.kind')}
        options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`timeline.kinds.${k}`) }))}
        rules={[{ required: true }]}
      />
      <ProFormRadio.Group
        name="direction"
        label={t('logContact.direction')}
        options={[
          { value: 'outbound', label: t('timeline.direction.outbound') },
          { value: 'inbound', label: t('timeline.direction.inbound') },
        ]}
      />
      <ProFormDateTimePicker
        name="at"
        label={t('logContact.at')}
        fieldProps={{ style: { width: '100%' }, placeholder: t('logContact.atNow') }}
      />
      <ProFormText
        name="title"
        label={t('logContact.subject')}
        placeholder={t('logContact.subjectHint')}
        rules={[{ required: true, whitespace: true, max: 200 }]}
      />
      <ProFormTextArea name="body" label={t('logContact.body')} fieldProps={{ rows: 4 }} rules={[{ max: 10000 }]} />
    </ModalForm>
  );
}
