import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Rate, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../../api/errors';
import { setFieldErrors } from '../../../../api/formErrors';
import { recordOutcome } from '../callbackApi';
import { type OutcomeValues, toOutcomeBody } from '../callbackRules';
import { STAFF_ROLES } from '../callbackTypes';

/**
 * The outcome of a reached call: satisfaction 1–5, the customer's opinion and a score per staff
 * member (role + name). The server's `callbacks.record_incomplete` names the missing fields
 * (`opinion`, `staffRatings.0.name` …): they are put on the fields they name.
 */
export function OutcomeForm(props: { callbackId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('callbacksWork');
  const { message } = App.useApp();
  const [form] = Form.useForm<OutcomeValues>();
  const save = useMutation({
    mutationFn: (values: OutcomeValues) => recordOutcome(props.callbackId, toOutcomeBody(values)),
    meta: { silent: true },
    onSuccess: () => {
      message.success(t('call.outcome.saved'));
      props.onDone();
    },
    onError: (error) => {
      if (setFieldErrors(form, error)) message.error(error.message);
      else showError(error);
    },
  });
  const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: t(`labels.role.${role}`) }));

  return (
    <Form<OutcomeValues>
      form={form}
      layout="vertical"
      data-testid="callback-outcome-form"
      initialValues={{ staffRatings: [] }}
      onFinish={(values) => save.mutate(values)}
      requiredMark={false}
    >
      <Form.Item
        name="satisfaction"
        label={t('call.outcome.satisfaction')}
        rules={[{ required: true, message: t('call.outcome.satisfactionRequired') }]}
      >
        <Rate data-testid="callback-outcome-satisfaction" />
      </Form.Item>
      <Form.Item
        name="opinion"
        label={t('call.outcome.opinion')}
        rules={[{ required: true, whitespace: true, message: t('call.outcome.opinionRequired') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={4000}
          placeholder={t('call.outcome.opinionPlaceholder')}
          data-testid="callback-outcome-opinion"
        />
      </Form.Item>
      <Typography.Text strong>{t('call.outcome.staff')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('call.outcome.staffHelp')}
      </Typography.Paragraph>
      <Form.List name="staffRatings">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} wrap align="flex-start" data-testid="callback-staff-rating">
                <Form.Item
                  name={[field.name, 'role']}
                  rules={[{ required: true, message: t('call.outcome.role') }]}
                  style={{ marginBottom: 8, width: 120 }}
                >
                  <Select options={roleOptions} aria-label={t('call.outcome.role')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('call.outcome.nameRequired') }]}
                  style={{ marginBottom: 8, flex: '1 1 120px', minWidth: 0 }}
                >
                  <Input placeholder={t('call.outcome.name')} maxLength={100} />
                </Form.Item>
                <Space align="center" style={{ marginBottom: 8 }}>
                  <Form.Item
                    name={[field.name, 'score']}
                    rules={[{ required: true, message: t('call.outcome.scoreRequired') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Rate style={{ fontSize: 16 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('call.outcome.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ role: STAFF_ROLES[fields.length % 3] })}
              data-testid="callback-outcome-add-staff"
              style={{ marginBottom: 16 }}
            >
              {t('call.outcome.addStaff')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="callback-outcome-submit">
          {t('call.outcome.submit')}
        </Button>
        <Button onClick={props.onCancel}>{t('call.outcome.cancel')}</Button>
      </Space>
    </Form>
  );
}
