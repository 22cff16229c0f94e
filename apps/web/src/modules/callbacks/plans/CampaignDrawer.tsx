import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  type FormInstance,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../api/formErrors';
import { useAccess } from '../../auth/useAccess';
import {
  callbackCampaignsKey,
  callbackPlansListKey,
  countCampaignCustomers,
  createCallbackCampaign,
  listCallbackPlans,
} from './api';
import { CampaignFilterFields } from './CampaignFilterFields';
import { type CampaignValues, emptyCampaignValues, toCampaignBody, toCampaignFilter } from './campaignForm';
import { StepFields } from './PlanStepsFields';
import { planName } from './planForm';
import type { CallbackCampaign } from './types';

/** The filter, settled: counted once typing pauses. */
function useDebounced<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialized value is the dependency
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}

/** "N customers will get a callback": the customer list's count for the same filter. */
function PreviewCount({ values }: { values: CampaignValues | undefined }) {
  const { t } = useTranslation('callbacksPlans');
  const canCount = useAccess().can('customers.read');
  const filter = useDebounced(toCampaignFilter(values?.filter ?? {}));
  const count = useQuery({
    queryKey: [...callbackCampaignsKey, 'preview', filter],
    queryFn: () => countCampaignCustomers(filter),
    enabled: canCount,
    meta: { silent: true },
  });
  if (!canCount) return null;
  let body: ReactNode;
  if (count.isLoading) body = <Spin size="small" />;
  else if (count.isError) body = <Typography.Text type="secondary">{t('campaign.previewFailed')}</Typography.Text>;
  else if (count.data?.total === 0)
    body = <Typography.Text type="warning">{t('campaign.previewNone')}</Typography.Text>;
  else if (count.data)
    body = (
      <Typography.Text strong>
        {t(count.data.exact ? 'campaign.preview' : 'campaign.previewAtLeast', { n: count.data.total.toLocaleString() })}
      </Typography.Text>
    );
  return (
    <Alert
      type={count.data?.total === 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      message={<span data-testid="campaign-preview-count">{body}</span>}
      description={t('campaign.previewHint')}
    />
  );
}

/** What a created round made: customers matched, callbacks made, those waiting for a specialist. */
function CampaignResult({ campaign, onClose }: { campaign: CallbackCampaign; onClose: () => void }) {
  const { t } = useTranslation('callbacksPlans');
  return (
    <Result
      status="success"
      data-testid="campaign-result"
      title={t('campaign.created', { name: campaign.name })}
      subTitle={
        <Space direction="vertical" size={2}>
          <span>
            {t('campaign.createdCounts', {
              customers: campaign.customerCount.toLocaleString(),
              callbacks: campaign.callbackCount.toLocaleString(),
            })}
          </span>
          {campaign.counts.unassigned > 0 && (
            <Typography.Text type="warning">
              {t('campaign.createdUnassigned', { n: campaign.counts.unassigned.toLocaleString() })}
            </Typography.Text>
          )}
          {campaign.callbackCount < campaign.customerCount && <span>{t('campaign.createdFewer')}</span>}
        </Space>
      }
      extra={
        <Button type="primary" onClick={onClose} data-testid="campaign-result-close">
          {t('campaign.close')}
        </Button>
      }
    />
  );
}

/**
 * A new callback round: its name, one step written here (purpose, channel, script, days after the
 * start date) or an existing plan, and the customers (the customer list's filters), with the count
 * before creating. A big round takes seconds: the button spins and says so.
 */
export function CampaignDrawer({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation(['callbacksPlans', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CampaignValues>();
  const values = Form.useWatch([], form) as CampaignValues | undefined;
  const mode = values?.mode ?? 'step';
  const [created, setCreated] = useState<CallbackCampaign | null>(null);
  const plans = useQuery({ queryKey: callbackPlansListKey, queryFn: listCallbackPlans });
  const planOptions = (plans.data?.items ?? [])
    .filter((p) => p.isActive)
    .map((p) => ({ value: p.id, label: `${planName(p, i18n.language)} · ${t(`trigger.${p.trigger}`)}` }));

  const create = useMutation({
    mutationFn: (v: CampaignValues) => createCallbackCampaign(toCampaignBody(v)),
    onSuccess: async (campaign) => {
      setCreated(campaign);
      message.success(t('campaign.created', { name: campaign.name }));
      await queryClient.invalidateQueries({ queryKey: callbackCampaignsKey });
    },
    onError: (error) => {
      // The step's fields are at the top of this form: `step.purpose` → `purpose`.
      const plain: FormInstance = form;
      plain.setFields(fieldErrorsOf(error).map((f) => (f.name[0] === 'step' ? { ...f, name: f.name.slice(1) } : f)));
    },
  });

  return (
    <Drawer
      open
      title={t('campaign.newTitle')}
      width="min(860px, 100vw)"
      onClose={onClose}
      destroyOnHidden
      maskClosable={!create.isPending}
      footer={
        created ? null : (
          <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
            <Button onClick={onClose} disabled={create.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              type="primary"
              loading={create.isPending}
              data-testid="campaign-create"
              onClick={() => void form.validateFields().then((v) => create.mutate(v))}
            >
              {t('campaign.create')}
            </Button>
          </Space>
        )
      }
    >
      {created ? (
        <CampaignResult campaign={created} onClose={onClose} />
      ) : (
        <Form<CampaignValues>
          form={form}
          layout="vertical"
          initialValues={emptyCampaignValues()}
          disabled={create.isPending}
          data-testid="campaign-form"
        >
          {create.isPending && (
            <Alert
              type="info"
              showIcon
              icon={<Spin size="small" />}
              style={{ marginBottom: 16 }}
              message={t('campaign.creating')}
              data-testid="campaign-creating"
            />
          )}
          <Row gutter={12}>
            <Col xs={24} md={14}>
              <Form.Item
                name="name"
                label={t('campaign.name')}
                rules={[{ required: true, whitespace: true, message: t('campaign.nameRequired') }, { max: 100 }]}
              >
                <Input placeholder={t('campaign.namePlaceholder')} data-testid="campaign-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="startDate" label={t('campaign.startDate')} tooltip={t('campaign.startDateHint')}>
                <DatePicker
                  style={{ width: '100%' }}
                  allowClear={false}
                  disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('campaign.customers')}</Typography.Title>
          <CampaignFilterFields />
          <PreviewCount values={values} />
          <Typography.Title level={5}>{t('campaign.what')}</Typography.Title>
          <Form.Item name="mode">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'step', label: t('campaign.modeStep') },
                { value: 'plan', label: t('campaign.modePlan') },
              ]}
            />
          </Form.Item>
          {mode === 'plan' ? (
            <Form.Item
              name="planId"
              label={t('campaign.plan')}
              extra={t('campaign.planHint')}
              rules={[{ required: true, message: t('campaign.planRequired') }]}
            >
              <Select showSearch optionFilterProp="label" loading={plans.isLoading} options={planOptions} />
            </Form.Item>
          ) : (
            <StepFields prefix={[]} trigger="campaign" />
          )}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('campaign.deadlineNote')}
          </Typography.Paragraph>
        </Form>
      )}
    </Drawer>
  );
}
