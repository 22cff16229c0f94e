import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alreadyShown } from '../../api/errors';
import type { ApiToken, CreatedApiToken } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { listTokens, revokeToken, tokensQueryKey } from './api';
import { CreateTokenModal } from './CreateTokenModal';
import { TokenCreatedModal } from './TokenCreatedModal';

/** Personal API tokens: list, create (secret shown once), revoke. */
export function ApiTokensPage() {
  const { t } = useTranslation(['auth', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [createOpen, setCreateOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const tokens = useQuery({ queryKey: tokensQueryKey, queryFn: listTokens });
  const revoke = useMutation({
    mutationFn: revokeToken,
    onSuccess: async () => {
      message.success(t('tokens.revoked'));
      await queryClient.invalidateQueries({ queryKey: tokensQueryKey });
    },
  });

  const columns: ProColumns<ApiToken>[] = [
    { title: t('tokens.name'), dataIndex: 'name' },
    {
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      render: (_, row) => <Typography.Text code>{`${row.prefix}…`}</Typography.Text>,
    },
    { title: t('common:fields.createdAt'), dataIndex: 'createdAt', valueType: 'dateTime' },
    { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', valueType: 'dateTime' },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      render: (_, row) => (row.expiresAt ? formatDateTime(row.expiresAt) : t('tokens.never')),
    },
    {
      title: t('common:fields.actions'),
      valueType: 'option',
      render: (_, row) => [
        <Popconfirm
          key="revoke"
          title={t('tokens.revokeConfirm', { name: row.name })}
          onConfirm={() => revoke.mutateAsync(row.id).catch(alreadyShown)}
        >
          <Button type="link" danger size="small">
            {t('tokens.revoke')}
          </Button>
        </Popconfirm>,
      ],
    },
  ];

  return (
    <PageContainer content={t('tokens.intro')}>
      <ProTable<ApiToken>
        rowKey="id"
        search={false}
        pagination={false}
        columns={columns}
        dataSource={tokens.data?.items}
        loading={tokens.isFetching}
        options={{ reload: () => void tokens.refetch(), density: false, setting: false }}
        toolBarRender={() => [
          <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>
            {t('tokens.create')}
          </Button>,
        ]}
      />
      <CreateTokenModal open={createOpen} onOpenChange={setCreateOpen} onCreated={setCreated} />
      <TokenCreatedModal token={created} onClose={() => setCreated(null)} />
    </PageContainer>
  );
}
