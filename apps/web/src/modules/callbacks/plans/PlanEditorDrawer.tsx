import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Form, Input, Radio, Row, Select, Space, Switch, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../../api/formErrors';
import { useMilestoneTypes } from '../../customers/settings/settingsApi';
import { toTreeOptions } from '../../departments/tree';
import { useDepartments } from '../../departments/useDepartments';
import { useTicketTypes } from '../../tickets/settings/useTicketSettings';
import { callbackPlansKey, createCallbackPlan, updateCallbackPlan } from './api';
import { PlanStepsFields } from './PlanStepsFields';
import { overlappingPlans, type PlanValues, planName, toBody, toPatch } from './planForm';
import { type CallbackPlan, EDITABLE_TRIGGERS, type EditableTrigger } from './types';

/**
 * The plan editor (a drawer, full width on a phone): name, trigger (a milestone type's date, a
 * closed ticket of some types, a field visit), department, and the steps. Server field errors
 * (an unknown department, ticket type or milestone type) land on their fields.
 */
export function PlanEditorDrawer({
  plan,
  initialValues,
  plans,
  onClose,
}: {
  /** The plan edited; null for a new one (empty or copied from a template). */
  plan: CallbackPlan | null;
  initialValues: PlanValues;
  /** Every plan, to warn about another active plan calling the same customers. */
  plans: CallbackPlan[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(['callbacksPlans', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PlanValues>();
  const milestoneTypes = useMilestoneTypes();
  const ticketTypes = useTicketTypes();
  const departments = useDepartments();
  const values = Form.useWatch([], form) as PlanValues | undefined;
  const trigger: EditableTrigger = values?.trigger ?? initialValues.trigger;
  const milestoneOptions = milestoneTypes.items.map((m) => ({ value: m.key, label: m.name }));
  const overlaps = useMemo(
    () => (values?.steps ? overlappingPlans(plans, values, plan?.id) : []),
    [plans, values, plan?.id],
  );

  const save = useMutation({
    mutationFn: (v: PlanValues) =>
      plan ? updateCallbackPlan(plan.id, toPatch(v, plan.version)) : createCallbackPlan(toBody(v)),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      await queryClient.invalidateQueries({ queryKey: callbackPlansKey });
      onClose();
    },
    onError: (error) => setFieldErrors(form, error),
  });

  return (
    <Drawer
      open
      title={plan ? t('editor.editTitle', { name: planName(plan, i18n.language) }) : t('editor.newTitle')}
      width="min(860px, 100vw)"
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            data-testid="plan-save"
            onClick={() => void form.validateFields().then((v) => save.mutate(v))}
          >
            {t('common:actions.save')}
          </Button>
        </Space>
      }
    >
      <Form<PlanValues> form={form} layout="vertical" initialValues={initialValues} data-testid="plan-editor">
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('fields.name')}
              rules={[{ required: true, whitespace: true, message: t('editor.nameRequired') }, { max: 100 }]}
            >
              <Input data-testid="plan-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameEn" label={t('fields.nameEn')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('fields.description')} rules={[{ max: 1000 }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="trigger" label={t('fields.trigger')} extra={t(`triggerHint.${trigger}`)}>
              <Radio.Group
                optionType="button"
                data-testid="plan-trigger"
                options={EDITABLE_TRIGGERS.map((k) => ({ value: k, label: t(`trigger.${k}`) }))}
              />
            </Form.Item>
          </Col>
          {trigger === 'milestone' ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="milestoneTypeKey"
                label={t('fields.milestoneType')}
                extra={t('editor.milestoneTypeHint')}
                dependencies={[['steps']]}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, value?: string | null) => {
                      const steps = (getFieldValue('steps') ?? []) as PlanValues['steps'];
                      if (!value && steps.some((s) => !s?.milestoneTypeKey))
                        throw new Error(t('editor.milestoneTypeRequired'));
                    },
                  }),
                ]}
              >
                <Select
                  allowClear
                  loading={milestoneTypes.isLoading}
                  options={milestoneOptions}
                  data-testid="plan-milestone-type"
                />
              </Form.Item>
            </Col>
          ) : (
            <Col xs={24} md={12}>
              <Form.Item name="ticketTypeKeys" label={t('fields.ticketTypes')} extra={t('editor.ticketTypesHint')}>
                <Select
                  mode="multiple"
                  allowClear
                  loading={ticketTypes.loading}
                  options={ticketTypes.options}
                  placeholder={t('editor.anyTicketType')}
                  data-testid="plan-ticket-types"
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="departmentId" label={t('fields.department')} extra={t('editor.departmentHint')}>
              <TreeSelect
                allowClear
                showSearch
                treeNodeFilterProp="title"
                treeDefaultExpandAll
                treeData={toTreeOptions(departments.tree)}
                placeholder={t('editor.anyDepartment')}
                data-testid="plan-department"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="isActive"
              label={t('fields.isActive')}
              valuePropName="checked"
              extra={t('editor.activeHint')}
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {overlaps.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="plan-overlap"
            message={t('editor.overlap', { names: overlaps.map((p) => planName(p, i18n.language)).join('、') })}
          />
        )}
        <PlanStepsFields trigger={trigger} milestoneOptions={milestoneOptions} />
      </Form>
    </Drawer>
  );
}
