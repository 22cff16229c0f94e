import {
  PageContainer,
  type ProColumns,
  ProForm,
  ProFormDependency,
  ProFormSwitch,
  ProFormText,
  ProTable,
} from '@ant-design/pro-components';
import { CANNED_REPLY_VARIABLES, cannedReplyPlaceholders, renderCannedReply } from '@kefu/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyHint } from '../../components/EmptyHint';
import { CreateButton, editorActionsColumn, SettingModalForm, useSettingEditor } from '../../components/SettingEditor';
import { useAccess } from '../auth/useAccess';
import { cannedRepliesKey, createCannedReply, deleteCannedReply, listCannedReplies, updateCannedReply } from './api';
import type { CannedReply, CannedReplyQuery } from './types';

type Scope = NonNullable<CannedReplyQuery['scope']>;
type Values = { title: string; body: string; category?: string; isShared?: boolean };
const SCOPES: Scope[] = ['all', 'shared', 'personal'];

/** Canned replies (快捷回复): shared ones (edited with `phrases.manage`) and each agent's own. */
export function CannedRepliesPage() {
  const { t } = useTranslation(['phrases', 'common']);
  const canManage = useAccess().can('phrases.manage');
  const [scope, setScope] = useState<Scope>('all');
  const [q, setQ] = useState('');
  const query = useQuery({
    queryKey: [...cannedRepliesKey, 'page', { scope, q }],
    queryFn: () => listCannedReplies({ scope, q: q || undefined }),
  });
  const editor = useSettingEditor<CannedReply, Values>({
    invalidateKey: cannedRepliesKey,
    save: ({ isShared, ...values }, existing) => {
      const body = { ...values, category: values.category?.trim() || null };
      return existing ? updateCannedReply(existing.id, body) : createCannedReply({ ...body, isShared: !!isShared });
    },
    remove: deleteCannedReply,
  });
  const { existing, form } = editor;
  // Sample values for the preview, in the UI language.
  const samples = Object.fromEntries(CANNED_REPLY_VARIABLES.map((name) => [name, t(`variables.sample.${name}`)]));
  const insertVariable = (name: string) => {
    const body = form.getFieldValue('body') ?? '';
    form.setFieldValue('body', `${body}{${name}}`);
  };

  const columns: ProColumns<CannedReply>[] = [
    { title: t('fields.title'), dataIndex: 'title', width: 160 },
    { title: t('fields.category'), dataIndex: 'category', width: 100, render: (_, row) => row.category ?? '-' },
    {
      title: t('fields.body'),
      dataIndex: 'body',
      render: (_, row) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
          {row.body}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('canned.visibility'),
      dataIndex: 'isShared',
      width: 150,
      render: (_, row) =>
        row.isShared ? (
          <Tag color="green">{t('canned.shared')}</Tag>
        ) : (
          <Tag color="blue">{t('canned.personalOf', { name: row.ownerName ?? '-' })}</Tag>
        ),
    },
    editorActionsColumn(editor, {
      title: t('common:fields.actions'),
      width: 130,
      id: (row) => row.id,
      confirmTitle: (row) => t('common:confirmDelete', { name: row.title }),
      canEdit: (row) => row.canEdit,
    }),
  ];

  return (
    <PageContainer content={t('canned.intro')}>
      <ProTable<CannedReply>
        rowKey="id"
        search={false}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        locale={{
          emptyText: q ? (
            <EmptyHint text={t('common:empty.filtered')} />
          ) : (
            <EmptyHint
              text={t('emptyHint.canned')}
              action={{ label: t('common:actions.create'), onClick: () => editor.setEditing('new') }}
            />
          ),
        }}
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        columns={columns}
        options={{ reload: () => void query.refetch(), density: false, setting: false }}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: scope,
            items: SCOPES.map((key) => ({ key, label: t(`canned.scopes.${key}`) })),
            onChange: (key) => setScope(SCOPES.includes(key as Scope) ? (key as Scope) : 'all'),
          },
        }}
        toolBarRender={() => [
          <Input.Search
            key="q"
            allowClear
            placeholder={t('canned.search')}
            onSearch={(value) => setQ(value.trim())}
            style={{ width: 240 }}
          />,
          <CreateButton key="new" onClick={() => editor.setEditing('new')} />,
        ]}
      />
      <SettingModalForm<CannedReply, Values>
        editor={editor}
        rowKey={(row) => row.id}
        title={existing ? t('canned.edit') : t('canned.create')}
        width={640}
        initialValues={
          existing ? { title: existing.title, body: existing.body, category: existing.category ?? undefined } : {}
        }
      >
        <ProFormText name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true, max: 64 }]} />
        <ProFormText name="category" label={t('fields.category')} rules={[{ max: 32 }]} />
        <ProForm.Item
          name="body"
          label={t('fields.body')}
          rules={[
            { required: true, whitespace: true, max: 4000 },
            {
              validator: async (_: unknown, value?: string) => {
                const { unknown } = cannedReplyPlaceholders(value ?? '');
                if (unknown.length > 0) throw new Error(t('variables.unknown', { names: unknown.join(', ') }));
              },
            },
          ]}
          extra={
            <Space size={4} wrap style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">{t('variables.insert')}</Typography.Text>
              {CANNED_REPLY_VARIABLES.map((name) => (
                <Tag key={name} style={{ cursor: 'pointer' }} onClick={() => insertVariable(name)}>
                  {t(`variables.names.${name}`)}
                </Tag>
              ))}
            </Space>
          }
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
        </ProForm.Item>
        <ProFormDependency name={['body']}>
          {({ body }: { body?: string }) =>
            body ? (
              <Alert
                type="info"
                style={{ marginBottom: 16, whiteSpace: 'pre-wrap' }}
                message={t('variables.preview')}
                description={renderCannedReply(body, samples).text}
              />
            ) : null
          }
        </ProFormDependency>
        {!existing && canManage && <ProFormSwitch name="isShared" label={t('canned.shareWithAll')} />}
      </SettingModalForm>
    </PageContainer>
  );
}
