import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyHint } from '../../components/EmptyHint';
import { formatDateTime } from '../../components/format';
import { ActiveTag, EditDeleteActions } from '../../components/RowActions';
import { CreateButton } from '../../components/SettingEditor';
import { deleteRobot, listRobotDeliveries, listRobots, robotDeliveriesKey, robotsKey, testRobot } from './api';
import { DeliveryStatusTag } from './DeliveryStatusTag';
import { RobotDeliveriesDrawer } from './RobotDeliveriesDrawer';
import { RobotFormModal } from './RobotFormModal';
import { RobotKindTag } from './RobotKindTag';
import { RobotTestResult } from './RobotTestResult';
import type { Robot, RobotTestResult as TestResult } from './types';

/** The newest message of a robot's delivery log: its state and time, the error on hover. */
function LastDelivery({ robotId }: { robotId: string }) {
  const { t } = useTranslation('robots');
  const last = useQuery({
    queryKey: [...robotDeliveriesKey(robotId), 'last'],
    queryFn: () => listRobotDeliveries(robotId, { pageSize: 1 }),
  });
  const item = last.data?.items[0];
  if (!item) return <Typography.Text type="secondary">{last.isLoading ? '…' : t('list.neverSent')}</Typography.Text>;
  return (
    <Tooltip title={item.lastError ?? undefined}>
      <Space size={4} wrap data-testid="robot-last-delivery">
        <DeliveryStatusTag status={item.status} />
        <Typography.Text type="secondary">{formatDateTime(item.sentAt ?? item.createdAt)}</Typography.Text>
      </Space>
    </Tooltip>
  );
}

/**
 * 群机器人: WeCom / DingTalk / Feishu group robots that receive escalations, major complaints and
 * digests. Test sends a message now and shows the receiver's answer; each robot's deliveries show
 * the vendor's error codes. For notifications.manage.
 */
export function RobotsPage() {
  const { t } = useTranslation(['robots', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Robot | 'new' | null>(null);
  const [viewing, setViewing] = useState<Robot | null>(null);
  const [tested, setTested] = useState<{ robot: Robot; result: TestResult } | null>(null);
  const list = useQuery({ queryKey: [...robotsKey, 'list'], queryFn: listRobots });
  const items = list.data?.items ?? [];

  const test = useMutation({
    mutationFn: (robot: Robot) => testRobot(robot.id).then((result) => ({ robot, result })),
    onSuccess: async (outcome) => {
      setTested(outcome);
      await queryClient.invalidateQueries({ queryKey: robotsKey });
    },
  });
  const remove = useMutation({
    mutationFn: deleteRobot,
    onSuccess: async () => {
      message.success(t('common:feedback.deleted'));
      await queryClient.invalidateQueries({ queryKey: robotsKey });
    },
  });

  const openDeliveries = (robot: Robot) => {
    setTested(null);
    void queryClient.invalidateQueries({ queryKey: robotDeliveriesKey(robot.id) });
    setViewing(robot);
  };

  return (
    <PageContainer content={t('intro')}>
      <Card>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {items.length > 0 && (
            <div>
              <CreateButton onClick={() => setEditing('new')} />
            </div>
          )}
          <Table<Robot>
            data-testid="robots-table"
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={items}
            pagination={false}
            scroll={{ x: 980 }}
            onRow={(row) => ({ 'data-robot': row.name }) as object}
            locale={{
              emptyText: (
                <EmptyHint
                  testId="robots-empty"
                  text={t('list.empty')}
                  action={{ label: t('common:actions.create'), onClick: () => setEditing('new') }}
                />
              ),
            }}
            columns={[
              {
                title: t('fields.name'),
                dataIndex: 'name',
                fixed: 'left',
                width: 200,
                render: (_, row) => (
                  <Space size={4} wrap>
                    <RobotKindTag kind={row.kind} />
                    <Typography.Text strong>{row.name}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('fields.topics'),
                dataIndex: 'topics',
                render: (topics: string[]) =>
                  topics.length ? (
                    <Space size={[0, 4]} wrap>
                      {topics.map((topic) => (
                        <Tag key={topic}>{t(`topic.${topic}` as 'topic.digest.daily', { defaultValue: topic })}</Tag>
                      ))}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{t('list.noTopics')}</Typography.Text>
                  ),
              },
              {
                title: t('fields.enabled'),
                dataIndex: 'enabled',
                width: 90,
                render: (enabled: boolean) => <ActiveTag active={enabled} />,
              },
              {
                title: t('list.lastDelivery'),
                key: 'last',
                width: 200,
                render: (_, row) => <LastDelivery robotId={row.id} />,
              },
              {
                title: t('common:fields.actions'),
                key: 'actions',
                width: 300,
                render: (_, row) => (
                  <Space size={0} wrap>
                    <Button
                      type="link"
                      size="small"
                      data-testid="robot-test"
                      loading={test.isPending && test.variables?.id === row.id}
                      onClick={() => test.mutate(row)}
                    >
                      {t('actions.test')}
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      data-testid="robot-deliveries-open"
                      onClick={() => openDeliveries(row)}
                    >
                      {t('actions.deliveries')}
                    </Button>
                    <EditDeleteActions
                      confirmTitle={t('common:confirmDelete', { name: row.name })}
                      onEdit={() => setEditing(row)}
                      onDelete={() => remove.mutateAsync(row.id)}
                    />
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      </Card>
      {editing && (
        <RobotFormModal
          robot={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved && editing === 'new') message.info(t('form.savedTestNow'));
          }}
        />
      )}
      <Modal
        open={!!tested}
        title={tested ? t('test.title', { name: tested.robot.name }) : ''}
        onCancel={() => setTested(null)}
        footer={
          <Space wrap>
            <Button data-testid="robot-test-deliveries" onClick={() => tested && openDeliveries(tested.robot)}>
              {t('actions.deliveries')}
            </Button>
            <Button type="primary" onClick={() => setTested(null)}>
              {t('test.close')}
            </Button>
          </Space>
        }
      >
        {tested && <RobotTestResult result={tested.result} />}
      </Modal>
      <RobotDeliveriesDrawer robot={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
}
