import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditDeleteActions } from '../../../components/RowActions';
import { CreateButton } from '../../../components/SettingEditor';
import { useRoleOptions } from '../../roles/useRoleOptions';
import { deleteLadder, slaAdminKey } from './api';
import { LadderFormModal } from './LadderFormModal';
import { formatDuration, recipientValue, type Translate } from './targets';
import type { Ladder, LadderRecipient } from './types';

/** The escalation ladders: each level in order with its time limit, recipients and channels. */
export function LaddersTab({ ladders, loading, canEdit }: { ladders: Ladder[]; loading: boolean; canEdit: boolean }) {
  const { t, i18n } = useTranslation(['slaPolicies', 'common']);
  const tr = t as unknown as Translate;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Ladder | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: deleteLadder,
    onSuccess: async () => {
      message.success(t('common:feedback.deleted'));
      await queryClient.invalidateQueries({ queryKey: slaAdminKey });
    },
  });
  const roles = useRoleOptions();
  const recipientText = (r: LadderRecipient) =>
    r.kind === 'role'
      ? t('recipient.role', { name: roles.find((role) => role.value === r.role)?.label ?? r.role })
      : r.kind === 'superior_chain' && r.depth
        ? t('recipient.superiors', { depth: r.depth })
        : r.kind === 'user'
          ? t('recipient.user', { name: r.userId.slice(0, 8) })
          : t(`recipient.${r.kind}`);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('ladder.intro')}
      </Typography.Paragraph>
      {canEdit && (
        <div>
          <CreateButton onClick={() => setEditing('new')} />
        </div>
      )}
      <Table<Ladder>
        rowKey="id"
        loading={loading}
        dataSource={ladders}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty description={t('ladder.empty')} /> }}
        columns={[
          {
            title: t('fields.name'),
            dataIndex: 'name',
            width: 200,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{row.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('ladder.levelsCount', { count: row.levels.length })} ·{' '}
                  {t('ladder.total', {
                    total: formatDuration(
                      tr,
                      row.levels.reduce((sum, l) => sum + l.limitMinutes, 0),
                    ),
                  })}
                </Typography.Text>
                {row.isBuiltin && <Tag>{t('ladder.builtin')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('ladder.levels'),
            key: 'levels',
            render: (_, row) => (
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {row.levels.map((level, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: levels are ordered, the index is the level
                  <li key={i}>
                    <Typography.Text>{i18n.language === 'en' ? level.nameEn : level.nameZh}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{formatDuration(tr, level.limitMinutes)}</Typography.Text>{' '}
                    {level.recipients.map((r) => (
                      <Tag key={recipientValue(r)} color="blue">
                        {recipientText(r)}
                      </Tag>
                    ))}
                    {level.channels.map((c) => (
                      <Tag key={c}>{t(`channel.${c}`)}</Tag>
                    ))}
                  </li>
                ))}
              </ol>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: t('common:fields.actions'),
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, row: Ladder) => (
                    <EditDeleteActions
                      confirmTitle={t('common:confirmDelete', { name: row.name })}
                      onEdit={() => setEditing(row)}
                      onDelete={() => remove.mutateAsync(row.id)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <LadderFormModal ladder={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
