import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Progress, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Evaluation, EvaluationRound } from '../../../api/types';
import { formatDateTime } from '../../../components/format';
import { getRound, gradingKey, listRoundEvaluations } from '../settings/settingsApi';
import { GradeTag } from './GradeTag';
import { percent } from './roundPeriod';

/** One round: its progress and the evaluations recorded in it (caller's data scope). */
export function RoundDrawer({ round, onClose }: { round: EvaluationRound | null; onClose: () => void }) {
  const { t } = useTranslation(['customersGrading', 'customers', 'common']);
  const [page, setPage] = useState(1);
  const id = round?.id ?? '';
  const detail = useQuery({ queryKey: [...gradingKey, 'round', id], queryFn: () => getRound(id), enabled: !!round });
  const evaluations = useQuery({
    queryKey: [...gradingKey, 'round', id, 'evaluations', page],
    queryFn: () => listRoundEvaluations(id, page, 20),
    enabled: !!round,
  });
  const progress = detail.data?.progress;

  return (
    <Drawer title={round?.name} open={!!round} onClose={onClose} width={760} destroyOnHidden>
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('rounds.period')}>
          {round ? `${round.periodStart} ~ ${round.periodEnd}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('common:fields.status')}>
          {round ? t(`rounds.status.${round.status}`) : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('rounds.progress')} span={2}>
          {progress && (
            <Progress
              percent={percent(progress.evaluated, progress.total)}
              format={() => `${progress.evaluated}/${progress.total}`}
            />
          )}
        </Descriptions.Item>
      </Descriptions>
      <Table<Evaluation>
        size="small"
        rowKey="id"
        loading={evaluations.isLoading}
        dataSource={evaluations.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: evaluations.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('customers:fields.name'),
            key: 'customer',
            render: (_, row) => (
              <Link to={`/customers/${row.customerId}?tab=grade`}>{`${row.customerCode} ${row.customerName}`}</Link>
            ),
          },
          { title: t('evaluate.totalLabel'), dataIndex: 'totalScore' },
          {
            title: t('customers:fields.grade'),
            key: 'grade',
            render: (_, row) => (
              <>
                <GradeTag grade={row.gradeBefore} />→<GradeTag grade={row.gradeAfter} />
              </>
            ),
          },
          { title: t('evaluate.by'), dataIndex: 'evaluatedByName' },
          { title: t('evaluate.at'), dataIndex: 'evaluatedAt', render: formatDateTime },
        ]}
      />
    </Drawer>
  );
}
