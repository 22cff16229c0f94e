import { ModalForm, ProFormList, ProFormText } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Divider, Form, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/ApiError';
import { showError } from '../../../api/errors';
import type { Customer } from '../../../api/types';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { type DuplicateConflict, DuplicatesModal, duplicatesOf, isDuplicateCode } from '../duplicates/DuplicatesModal';
import { createCustomer, customersQueryKey } from './api';
import { CustomerFields, PHONE_PATTERN } from './CustomerFields';
import { type CustomerFormValues, toCreateBody } from './customerForm';

/** 新建客户: a company (with its contacts) or a person; warns about possible duplicates first. */
export function CustomerFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (customer: Customer) => void;
}) {
  const { t } = useTranslation(['customers', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser().data;
  const [form] = Form.useForm<CustomerFormValues>();
  const [duplicates, setDuplicates] = useState<DuplicateConflict | null>(null);

  const create = useMutation({
    mutationFn: ({ values, ignoreDuplicates }: { values: CustomerFormValues; ignoreDuplicates: boolean }) =>
      createCustomer(toCreateBody(values, ignoreDuplicates)),
    // A possible duplicate is a question for the user, not an error toast.
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customersQueryKey }),
  });

  const save = async (values: CustomerFormValues, ignoreDuplicates: boolean) => {
    try {
      const customer = await create.mutateAsync({ values, ignoreDuplicates });
      message.success(t('common:feedback.created'));
      setDuplicates(null);
      form.resetFields();
      onClose();
      onCreated(customer);
      return true;
    } catch (error) {
      if (isApiError(error) && isDuplicateCode(error.code)) {
        setDuplicates(duplicatesOf(error.params));
      } else {
        showError(error, { form });
      }
      return false;
    }
  };

  return (
    <>
      <ModalForm<CustomerFormValues>
        title={t('actions.create')}
        open={open}
        onOpenChange={(next) => !next && onClose()}
        form={form}
        width={880}
        grid
        rowProps={{ gutter: 16 }}
        modalProps={{ destroyOnHidden: true, maskClosable: false }}
        initialValues={{ kind: 'company', isKey: false, ownerId: me?.id, contacts: [{}] }}
        onFinish={(values) => save(values, false)}
      >
        <CustomerFields
          ownerOption={me ? { value: me.id, label: `${me.displayName} (${me.username})` } : null}
          withBackup
        />
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'company' ? (
              <Col span={24}>
                <Divider orientation="left" plain>
                  {t('contacts.title')}
                </Divider>
                <ProFormList
                  name="contacts"
                  creatorButtonProps={{ creatorButtonText: t('contacts.add'), id: 'contact-add' }}
                  copyIconProps={false}
                  creatorRecord={{}}
                  itemRender={({ listDom, action }, { index }) => (
                    <div data-testid={`contact-row-${index}`} style={{ display: 'flex', alignItems: 'flex-start' }}>
                      <div style={{ flex: 1 }}>{listDom}</div>
                      {action}
                    </div>
                  )}
                >
                  {() => (
                    <Row gutter={8} style={{ width: '100%' }}>
                      <ProFormText
                        name="name"
                        colProps={{ span: 6 }}
                        placeholder={t('contacts.fields.name')}
                        rules={[{ required: true, whitespace: true, message: t('contacts.nameRequired') }]}
                      />
                      <ProFormText name="title" colProps={{ span: 6 }} placeholder={t('contacts.fields.title')} />
                      <ProFormText
                        name="mobile"
                        colProps={{ span: 6 }}
                        placeholder={t('contacts.fields.mobile')}
                        rules={[{ pattern: PHONE_PATTERN, message: t('validation.phone') }]}
                      />
                      <ProFormText
                        name="email"
                        colProps={{ span: 6 }}
                        placeholder={t('contacts.fields.email')}
                        rules={[{ type: 'email' }]}
                      />
                    </Row>
                  )}
                </ProFormList>
              </Col>
            ) : null
          }
        </Form.Item>
      </ModalForm>
      <DuplicatesModal
        conflict={duplicates}
        contact={{ phone: form.getFieldValue('phone'), email: form.getFieldValue('email') }}
        saving={create.isPending}
        onBack={() => setDuplicates(null)}
        onSaveAnyway={() => void save(form.getFieldsValue(true), true)}
      />
    </>
  );
}
