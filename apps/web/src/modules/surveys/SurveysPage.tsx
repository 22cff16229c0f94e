import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyHint } from '../../components/EmptyHint';
import { formatDateTime } from '../../components/format';
import { useAccess } from '../auth/useAccess';
import { listSurveys, surveysKey, surveysListKey, updateSurvey } from './api';
import { InviteModal } from './InviteModal';
import { rulesSummary } from './surveyLabels';
import type { SurveySummary } from './types';

/**
 * 问卷管理: the questionnaires (active first) with their questions, sending rules and counts;
 * activate / deactivate in place, open the builder, or hand a one-time link to a customer.
 */
export function SurveysPage() {
  const { t } = useTranslation(['surveys', 'common']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const access = useAccess();
  const queryClient = useQueryClient();
  const [inviting, setInviting] = useState<SurveySummary | null>(null);
  const list = useQuery({ queryKey: surveysListKey, queryFn: listSurveys });
  const items = list.data?.items ?? [];
  const toggle = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => updateSurvey(id, { active }),
    onSuccess: async (survey) => {
      message.success(survey.active ? t('list.activated') : t('list.deactivated'));
      await queryClient.invalidateQueries({ queryKey: surveysKey });
    },
  });
  const create = () => navigate('/surveys/list/new');

  return (
    <PageContainer content={t('intro.list')}>
      <Card>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <div>
            <Button type="primary" icon={<PlusOutlined />} data-testid="survey-new" onClick={create}>
              {t('list.new')}
            </Button>
          </div>
          <Table<SurveySummary>
            data-testid="surveys-table"
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={items}
            pagination={false}
            scroll={{ x: 1080 }}
            onRow={(row) => ({ 'data-survey': row.name }) as object}
            locale={{
              emptyText: (
                <EmptyHint
                  testId="surveys-empty"
                  text={t('list.empty')}
                  action={{ label: t('list.new'), onClick: create }}
                />
              ),
            }}
            columns={[
              {
                title: t('fields.name'),
                dataIndex: 'name',
                fixed: 'left',
                width: 220,
                render: (_, row) => (
                  <Space direction="vertical" size={0}>
                    <Link to={`/surveys/list/${row.id}`} data-testid="survey-open">
                      <Typography.Text strong>{row.name}</Typography.Text>
                    </Link>
                    {row.description && (
                      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200 }}>
                        {row.description}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('fields.active'),
                dataIndex: 'active',
                width: 90,
                render: (active: boolean, row) => (
                  <Switch
                    size="small"
                    checked={active}
                    aria-label={active ? t('list.deactivate') : t('list.activate')}
                    data-testid="survey-active"
                    loading={toggle.isPending && toggle.variables?.id === row.id}
                    onChange={(next) => toggle.mutate({ id: row.id, active: next })}
                  />
                ),
              },
              {
                title: t('fields.anonymous'),
                dataIndex: 'anonymous',
                width: 90,
                render: (anonymous: boolean) =>
                  anonymous ? <Tag color="purple">{t('list.anonymous')}</Tag> : <Tag>{t('list.named')}</Tag>,
              },
              { title: t('fields.questionCount'), dataIndex: 'questionCount', width: 80, align: 'right' },
              {
                title: t('fields.rules'),
                key: 'rules',
                render: (_, row) => <Typography.Text>{rulesSummary(t, row)}</Typography.Text>,
              },
              {
                title: t('fields.responses'),
                key: 'responses',
                width: 130,
                align: 'right',
                render: (_, row) => `${row.responses} / ${row.invitations}`,
              },
              {
                title: t('common:fields.updatedAt'),
                dataIndex: 'updatedAt',
                width: 150,
                render: (value: string) => formatDateTime(value),
              },
              {
                title: t('common:fields.actions'),
                key: 'actions',
                width: 170,
                render: (_, row) => (
                  <Space size={0} wrap>
                    <Button type="link" size="small" onClick={() => navigate(`/surveys/list/${row.id}`)}>
                      {t('list.edit')}
                    </Button>
                    <Button type="link" size="small" data-testid="survey-invite" onClick={() => setInviting(row)}>
                      {t('list.invite')}
                    </Button>
                    {access.canAccess('surveys.report') && (
                      <Button
                        type="link"
                        size="small"
                        data-testid="survey-results-link"
                        onClick={() => navigate(`/surveys/results?survey=${row.id}`)}
                      >
                        {t('list.results')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      </Card>
      {inviting && <InviteModal survey={inviting} onClose={() => setInviting(null)} />}
    </PageContainer>
  );
}
