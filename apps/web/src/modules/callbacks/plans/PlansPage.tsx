import { CopyOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyHint } from '../../../components/EmptyHint';
import { callbackPlansKey, callbackPlansListKey, listCallbackPlans, updateCallbackPlan } from './api';
import { CallbackSettingsCard } from './CallbackSettingsCard';
import { PlanEditorDrawer } from './PlanEditorDrawer';
import { editablePlans, emptyValues, type PlanValues, planName, sortPlans, templatePlans, toValues } from './planForm';
import type { CallbackPlan } from './types';
import { usePlanLabels } from './usePlanLabels';

type Editing = { plan: CallbackPlan | null; values: PlanValues };

/** The plan list's "active" switch: on or off at once, with the version read. */
function ActiveSwitch({ plan }: { plan: CallbackPlan }) {
  const { t } = useTranslation(['callbacksPlans', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (isActive: boolean) => updateCallbackPlan(plan.id, { isActive, version: plan.version }),
    onSuccess: async (saved) => {
      message.success(saved.isActive ? t('list.activated') : t('list.deactivated'));
      await queryClient.invalidateQueries({ queryKey: callbackPlansKey });
    },
  });
  return (
    <Tooltip title={plan.isActive ? t('list.activeHint') : t('list.inactiveHint')}>
      <Switch
        checked={plan.isActive}
        loading={toggle.isPending}
        onChange={(checked) => toggle.mutate(checked)}
        aria-label={t('fields.isActive')}
        data-testid="plan-active"
      />
    </Tooltip>
  );
}

/**
 * 回访计划: the plans that schedule callbacks — after a milestone date, a closed ticket, a field
 * visit — each a list of steps ("N days after, by channel, with this script"). New from one of the
 * shipped templates in one click. For callbacks.manage.
 */
export function PlansPage() {
  const { t, i18n } = useTranslation(['callbacksPlans', 'common']);
  const labels = usePlanLabels();
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useQuery({ queryKey: callbackPlansListKey, queryFn: listCallbackPlans });
  const all = list.data?.items ?? [];
  const plans = useMemo(() => sortPlans(editablePlans(all)), [all]);
  const templates = useMemo(() => templatePlans(all), [all]);
  const name = (plan: CallbackPlan) => planName(plan, i18n.language);

  const openNew = () => setEditing({ plan: null, values: emptyValues() });
  const openCopy = (plan: CallbackPlan) =>
    setEditing({ plan: null, values: toValues(plan, t('editor.copyName', { name: name(plan) })) });

  return (
    <PageContainer content={t('intro')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('templates.title')}>
          <Typography.Paragraph type="secondary">{t('templates.hint')}</Typography.Paragraph>
          <Space wrap data-testid="plan-from-template">
            {templates.map((tpl) => (
              <Tooltip key={tpl.id} title={tpl.description ?? undefined}>
                <Button
                  icon={<SnippetsOutlined />}
                  onClick={() => openCopy(tpl)}
                  data-testid={`plan-from-template-${tpl.templateKey ?? tpl.id}`}
                  style={{ whiteSpace: 'normal', height: 'auto', maxWidth: '100%' }}
                >
                  {t('templates.use', { name: name(tpl) })}
                </Button>
              </Tooltip>
            ))}
            {templates.length === 0 && !list.isLoading && (
              <Typography.Text type="secondary">{t('templates.none')}</Typography.Text>
            )}
          </Space>
        </Card>
        <Card
          size="small"
          title={t('list.title')}
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="plan-new">
              {t('actions.new')}
            </Button>
          }
        >
          <Table<CallbackPlan>
            data-testid="plans-table"
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={plans}
            pagination={false}
            scroll={{ x: 1000 }}
            onRow={(row) => ({ 'data-plan': row.name }) as object}
            locale={{
              emptyText: (
                <EmptyHint
                  testId="plans-empty"
                  text={t('list.empty')}
                  action={{ label: t('actions.new'), icon: <PlusOutlined />, onClick: openNew }}
                />
              ),
            }}
            columns={[
              {
                title: t('fields.name'),
                key: 'name',
                fixed: 'left',
                width: 220,
                render: (_, row) => (
                  <Space direction="vertical" size={0}>
                    <Space size={4} wrap>
                      <Typography.Text strong>{name(row)}</Typography.Text>
                      {row.templateKey && <Tag color="blue">{t('list.template')}</Tag>}
                    </Space>
                    {row.description && (
                      <Typography.Text
                        type="secondary"
                        ellipsis={{ tooltip: row.description }}
                        style={{ maxWidth: 200 }}
                      >
                        {row.description}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('fields.trigger'),
                key: 'trigger',
                width: 240,
                render: (_, row) => <span data-testid="plan-trigger-label">{labels.triggerText(row)}</span>,
              },
              {
                title: t('fields.department'),
                key: 'department',
                width: 140,
                render: (_, row) => labels.departmentName(row.departmentId),
              },
              {
                title: t('fields.steps'),
                key: 'steps',
                width: 110,
                render: (_, row) => (
                  <Tooltip
                    styles={{ root: { maxWidth: 420 } }}
                    title={
                      <Space direction="vertical" size={2}>
                        {row.steps.map((s) => (
                          <span key={s.id}>
                            {s.position}. {labels.stepText(s)} — {s.purpose}
                          </span>
                        ))}
                      </Space>
                    }
                  >
                    <Typography.Text underline data-testid="plan-steps-count">
                      {t('list.stepsCount', { n: row.steps.length })}
                    </Typography.Text>
                  </Tooltip>
                ),
              },
              {
                title: (
                  <Tooltip title={t('list.pendingHint')}>
                    <span>{t('fields.pending')}</span>
                  </Tooltip>
                ),
                dataIndex: 'pendingCount',
                width: 100,
                align: 'right',
              },
              {
                title: t('fields.isActive'),
                key: 'active',
                width: 90,
                render: (_, row) => <ActiveSwitch plan={row} />,
              },
              {
                title: t('common:fields.actions'),
                key: 'actions',
                width: 160,
                render: (_, row) => (
                  <Space size={0} wrap>
                    <Button
                      type="link"
                      size="small"
                      data-testid="plan-edit"
                      onClick={() => setEditing({ plan: row, values: toValues(row) })}
                    >
                      {t('common:actions.edit')}
                    </Button>
                    <Button type="link" size="small" icon={<CopyOutlined />} onClick={() => openCopy(row)}>
                      {t('actions.copy')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        <CallbackSettingsCard />
      </Space>
      {editing && (
        <PlanEditorDrawer
          plan={editing.plan}
          initialValues={editing.values}
          plans={all}
          onClose={() => setEditing(null)}
        />
      )}
    </PageContainer>
  );
}
