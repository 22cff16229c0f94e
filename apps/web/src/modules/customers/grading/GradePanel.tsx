import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../../api/types';
import { EChart } from '../../../components/EChart';
import { formatDateTime } from '../../../components/format';
import { customerKey, gradeHistory, listEvaluations } from '../archive/api';
import { useCriteria } from '../settings/settingsApi';
import { GradeTag } from './GradeTag';
import { gradeChartOption, gradeSeries } from './gradeChart';

const REASONS = ['initial', 'manual', 'evaluation', 'import', 'merge'] as const;

/** Grade history as a step chart, and the evaluations behind it. */
export function GradePanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation(['customersGrading', 'customers', 'common']);
  const criteria = useCriteria().items;
  const history = useQuery({
    queryKey: [...customerKey(customerId), 'grade-history'],
    queryFn: () => gradeHistory(customerId),
  });
  const evaluations = useQuery({
    queryKey: [...customerKey(customerId), 'evaluations'],
    queryFn: () => listEvaluations(customerId),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: labels follow the language
  const option = useMemo(() => {
    const reasons = Object.fromEntries(REASONS.map((r) => [r, t(`gradeHistory.reasons.${r}`)]));
    return gradeChartOption(gradeSeries(history.data?.items ?? []), {
      title: t('customers:fields.grade'),
      reasons,
      now: t('gradeHistory.now'),
    });
  }, [history.data, t, i18n.language]);
  const nameOf = (key: string) => criteria.find((c) => c.key === key)?.name ?? key;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>{t('gradeHistory.title')}</Typography.Title>
      {(history.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('gradeHistory.empty')} />
      ) : (
        <EChart option={option} height={220} data-testid="grade-chart" />
      )}
      <Typography.Title level={5}>{t('evaluate.history')}</Typography.Title>
      <Table<Evaluation>
        size="small"
        rowKey="id"
        loading={evaluations.isLoading}
        pagination={false}
        dataSource={evaluations.data?.items ?? []}
        data-testid="evaluations-table"
        expandable={{
          expandedRowRender: (row) => (
            <Space wrap>
              {Object.entries(row.scores).map(([key, score]) => (
                <Typography.Text key={key}>
                  {nameOf(key)}: {score}
                </Typography.Text>
              ))}
              {row.comment && <Typography.Text type="secondary">{row.comment}</Typography.Text>}
            </Space>
          ),
        }}
        columns={[
          { title: t('evaluate.at'), dataIndex: 'evaluatedAt', render: formatDateTime },
          {
            title: t('evaluate.round'),
            dataIndex: 'roundName',
            render: (v: string | null) => v ?? t('evaluate.adHoc'),
          },
          { title: t('evaluate.totalLabel'), dataIndex: 'totalScore' },
          {
            title: t('customers:fields.grade'),
            key: 'grade',
            render: (_, row) => (
              <Space size={4}>
                <GradeTag grade={row.gradeBefore} />→<GradeTag grade={row.gradeAfter} />
              </Space>
            ),
          },
          { title: t('evaluate.by'), dataIndex: 'evaluatedByName' },
        ]}
      />
    </Space>
  );
}
