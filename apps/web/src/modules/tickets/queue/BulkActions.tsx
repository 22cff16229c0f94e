import { EyeOutlined, FlagOutlined, TagOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { ModalForm, ProFormDependency, ProFormRadio, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '../../users/UserSelect';
import { bulkTickets } from '../core/api';
import { type BulkBody, type BulkResult, PRIORITIES, type TicketPriority } from '../core/types';

type Props = {
  ids: string[];
  canAssign: boolean;
  onDone: () => void;
};

/** Bulk actions on the selected rows (`POST /api/v1/tickets/bulk`): assign, priority, tag, watch. */
export function BulkActions({ ids, canAssign, onDone }: Props) {
  const { t } = useTranslation(['ticketsQueue', 'tickets', 'ticketsAssignment']);
  const { message, notification } = App.useApp();
  const run = useMutation({
    mutationFn: (body: Omit<BulkBody, 'ids'>) => bulkTickets({ ...body, ids }),
    onSuccess: (result: BulkResult) => {
      const summary = t('bulk.result', { succeeded: result.succeeded, failed: result.failed });
      if (result.failed === 0) message.success(summary);
      else {
        notification.warning({
          message: summary,
          description: (
            <ul style={{ paddingInlineStart: 16, margin: 0 }}>
              {result.results
                .filter((r) => !r.ok)
                .slice(0, 10)
                .map((r) => (
                  <li key={r.id}>{r.message ?? r.code}</li>
                ))}
            </ul>
          ),
        });
      }
      onDone();
    },
  });
  const submit = async (body: Omit<BulkBody, 'ids'>) => {
    try {
      await run.mutateAsync(body);
      return true;
    } catch {
      return false;
    }
  };
  const modal = { destroyOnHidden: true, width: 420 } as const;

  return (
    <Space size={4} data-testid="bulk-actions">
      {canAssign && (
        <ModalForm<{ strategy: BulkBody['strategy']; assigneeId?: string }>
          title={t('bulk.assign')}
          modalProps={modal}
          initialValues={{ strategy: 'manual' }}
          trigger={
            <Button size="small" icon={<UserSwitchOutlined />}>
              {t('bulk.assign')}
            </Button>
          }
          onFinish={(values) => submit({ action: 'assign', ...values })}
        >
          <ProFormRadio.Group
            name="strategy"
            label={t('bulk.strategy')}
            options={(['manual', 'round_robin', 'least_loaded', 'unassign'] as const).map((s) => ({
              value: s,
              label: t(`ticketsAssignment:assign.strategy.${s}`),
            }))}
          />
          <ProFormDependency name={['strategy']}>
            {({ strategy }) =>
              strategy === 'manual' ? (
                <Form.Item name="assigneeId" label={t('tickets:fields.assignee')} rules={[{ required: true }]}>
                  <UserSelect />
                </Form.Item>
              ) : null
            }
          </ProFormDependency>
        </ModalForm>
      )}
      <ModalForm<{ priority: TicketPriority }>
        title={t('bulk.priority')}
        modalProps={modal}
        trigger={
          <Button size="small" icon={<FlagOutlined />}>
            {t('bulk.priority')}
          </Button>
        }
        onFinish={(values) => submit({ action: 'priority', priority: values.priority })}
      >
        <ProFormSelect
          name="priority"
          label={t('tickets:fields.priority')}
          rules={[{ required: true }]}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`tickets:priority.${p}`) }))}
        />
      </ModalForm>
      <ModalForm<{ tag: string }>
        title={t('bulk.addTag')}
        modalProps={modal}
        trigger={
          <Button size="small" icon={<TagOutlined />}>
            {t('bulk.addTag')}
          </Button>
        }
        onFinish={(values) => submit({ action: 'add_tag', tag: values.tag.trim() })}
      >
        <ProFormText name="tag" label={t('bulk.tag')} rules={[{ required: true, whitespace: true, max: 32 }]} />
      </ModalForm>
      <Button
        size="small"
        icon={<EyeOutlined />}
        loading={run.isPending}
        onClick={() => void submit({ action: 'watch' })}
      >
        {t('bulk.watch')}
      </Button>
    </Space>
  );
}
