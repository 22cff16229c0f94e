import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Empty, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { listRobotDeliveries, robotDeliveriesKey } from './api';
import { DeliveryStatusTag } from './DeliveryStatusTag';
import type { Robot, RobotDelivery } from './types';

const PAGE_SIZE = 20;

/** The messages sent to one robot, newest first: state, the vendor's error code, time. */
export function RobotDeliveriesDrawer({ robot, onClose }: { robot: Robot | null; onClose: () => void }) {
  const { t } = useTranslation(['robots', 'common']);
  const id = robot?.id ?? '';
  const [page, setPage] = useState(1);
  const deliveries = useQuery({
    queryKey: [...robotDeliveriesKey(id), page],
    queryFn: () => listRobotDeliveries(id, { page, pageSize: PAGE_SIZE }),
    enabled: !!robot,
    refetchInterval: 10_000,
  });
  return (
    <Drawer
      title={robot ? t('deliveries.title', { name: robot.name }) : ''}
      open={!!robot}
      onClose={onClose}
      width="min(760px, 100vw)"
      destroyOnHidden
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void deliveries.refetch()} loading={deliveries.isFetching}>
          {t('common:actions.refresh')}
        </Button>
      }
    >
      <Table<RobotDelivery>
        data-testid="robot-deliveries"
        rowKey="id"
        size="small"
        loading={deliveries.isLoading}
        dataSource={deliveries.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: deliveries.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        scroll={{ x: 880 }}
        locale={{ emptyText: <Empty description={t('deliveries.empty')} /> }}
        columns={[
          {
            title: t('deliveries.at'),
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('fields.topic'),
            dataIndex: 'topic',
            width: 120,
            render: (topic: string) => t(`topic.${topic}` as 'topic.digest.daily', { defaultValue: topic }),
          },
          {
            title: t('common:fields.status'),
            dataIndex: 'status',
            width: 100,
            render: (status: string) => <DeliveryStatusTag status={status} />,
          },
          {
            title: t('deliveries.subject'),
            dataIndex: 'subject',
            ellipsis: true,
          },
          { title: t('deliveries.attempts'), dataIndex: 'attempts', width: 80 },
          {
            title: t('deliveries.error'),
            dataIndex: 'lastError',
            width: 260,
            render: (error: string | null) =>
              error ? (
                <Typography.Text type="danger" style={{ wordBreak: 'break-all' }}>
                  {error}
                </Typography.Text>
              ) : (
                '-'
              ),
          },
        ]}
      />
    </Drawer>
  );
}
