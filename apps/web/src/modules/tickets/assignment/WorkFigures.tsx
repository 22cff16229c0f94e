import { Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assignee } from './types';

/** Load, open and overdue work, each with its definition on hover. */
export function WorkFigures({ load, openTickets, overdue }: Pick<Assignee, 'load' | 'openTickets' | 'overdue'>) {
  const { t } = useTranslation('ticketsAssignment');
  const figure = (key: 'load' | 'open' | 'overdue', value: number, danger = false) => (
    <Tooltip title={t(`figures.${key}Hint`)}>
      <Typography.Text type={danger ? 'danger' : 'secondary'} data-testid={`figure-${key}`}>
        {t(`figures.${key}`)} <Typography.Text strong={danger || undefined}>{value}</Typography.Text>
      </Typography.Text>
    </Tooltip>
  );
  return (
    <Space size={12} wrap>
      {figure('load', load)}
      {figure('open', openTickets)}
      {figure('overdue', overdue, overdue > 0)}
    </Space>
  );
}
