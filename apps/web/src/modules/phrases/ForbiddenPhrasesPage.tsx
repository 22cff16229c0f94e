import {
  PageContainer,
  type ProColumns,
  ProForm,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
  ProTable,
} from '@ant-design/pro-components';
import { buildForbiddenMatcher } from '@kefu/shared';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Card, Input, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyHint } from '../../components/EmptyHint';
import {
  activeColumn,
  CreateButton,
  editorActionsColumn,
  SettingModalForm,
  useSettingEditor,
} from '../../components/SettingEditor';
import { useAccess } from '../auth/useAccess';
import {
  createForbiddenPhrase,
  deleteForbiddenPhrase,
  forbiddenPhrasesKey,
  listForbiddenPhrases,
  updateForbiddenPhrase,
} from './api';
import { ForbiddenHits } from './ForbiddenHits';
import type { ForbiddenPhrase, ForbiddenSeverity } from './types';

type Values = {
  phrase: string;
  alternative: string;
  exceptions?: string[];
  category?: string;
  severity?: ForbiddenSeverity | null;
  isActive?: boolean;
};
const SEVERITIES: ForbiddenSeverity[] = ['high', 'medium', 'low'];
const SEVERITY_COLOR: Record<ForbiddenSeverity, string> = { high: 'red', medium: 'orange', low: 'gold' };

/** Try a text against the list as it is on screen (the same matcher the reply box uses). */
function TryIt({ items }: { items: readonly ForbiddenPhrase[] }) {
  const { t } = useTranslation('phrases');
  const [text, setText] = useState('');
  const matcher = useMemo(() => buildForbiddenMatcher(items.filter((p) => p.isActive)), [items]);
  const hits = useMemo(() => (text.trim() ? matcher.check(text) : []), [matcher, text]);
  return (
    <Card size="small" title={t('forbidden.tryIt')} style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('forbidden.tryItPlaceholder')}
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
        {text.trim() !== '' &&
          (hits.length === 0 ? (
            <Typography.Text type="success">{t('forbidden.clean')}</Typography.Text>
          ) : (
            <ForbiddenHits text={text} hits={hits} onChange={setText} showText />
          ))}
      </Space>
    </Card>
  );
}

/** Forbidden phrases (服务忌语): "never say … / say instead …"; `phrases.manage` edits the list. */
export function ForbiddenPhrasesPage() {
  const { t } = useTranslation(['phrases', 'common']);
  const canManage = useAccess().can('phrases.manage');
  const [q, setQ] = useState('');
  const query = useQuery({
    queryKey: [...forbiddenPhrasesKey, 'admin', { canManage }],
    queryFn: () => listForbiddenPhrases(canManage),
  });
  const items = query.data?.items ?? [];
  const shown = useMemo(() => {
    const needle = q.toLowerCase();
    return needle
      ? items.filter((p) => [p.phrase, p.alternative, p.category ?? ''].some((f) => f.toLowerCase().includes(needle)))
      : items;
  }, [items, q]);
  const categories = useMemo(() => [...new Set(items.map((p) => p.category).filter((c): c is string => !!c))], [items]);
  const editor = useSettingEditor<ForbiddenPhrase, Values>({
    invalidateKey: forbiddenPhrasesKey,
    save: (values, existing) => {
      const body = { ...values, category: values.category?.trim() || null, severity: values.severity ?? null };
      return existing ? updateForbiddenPhrase(existing.id, body) : createForbiddenPhrase(body);
    },
    remove: deleteForbiddenPhrase,
  });
  const { existing } = editor;

  const columns: ProColumns<ForbiddenPhrase>[] = [
    {
      title: t('forbidden.never'),
      dataIndex: 'phrase',
      width: 200,
      render: (_, row) => (
        <Typography.Text type="danger" strong>
          {row.phrase}
        </Typography.Text>
      ),
    },
    {
      title: t('forbidden.instead'),
      dataIndex: 'alternative',
      render: (_, row) => <Typography.Text type="success">{row.alternative}</Typography.Text>,
    },
    {
      title: t('fields.exceptions'),
      dataIndex: 'exceptions',
      width: 180,
      render: (_, row) => (row.exceptions.length ? row.exceptions.map((e) => <Tag key={e}>{e}</Tag>) : '-'),
    },
    { title: t('fields.category'), dataIndex: 'category', width: 90, render: (_, row) => row.category ?? '-' },
    {
      title: t('fields.severity'),
      dataIndex: 'severity',
      width: 80,
      render: (_, row) =>
        row.severity ? <Tag color={SEVERITY_COLOR[row.severity]}>{t(`severity.${row.severity}`)}</Tag> : '-',
    },
    activeColumn(t('common:fields.status'), { width: 80, hideInTable: !canManage }),
    editorActionsColumn(editor, {
      title: t('common:fields.actions'),
      width: 130,
      hideInTable: !canManage,
      id: (row) => row.id,
      confirmTitle: (row) => t('common:confirmDelete', { name: row.phrase }),
    }),
  ];

  return (
    <PageContainer content={t('forbidden.intro')}>
      <TryIt items={items} />
      <ProTable<ForbiddenPhrase>
        rowKey="id"
        search={false}
        pagination={{ defaultPageSize: 50, showSizeChanger: true }}
        locale={{
          emptyText: q ? (
            <EmptyHint text={t('common:empty.filtered')} />
          ) : (
            <EmptyHint
              text={t('emptyHint.forbidden')}
              action={
                canManage ? { label: t('common:actions.create'), onClick: () => editor.setEditing('new') } : undefined
              }
            />
          ),
        }}
        loading={query.isFetching}
        dataSource={shown}
        columns={columns}
        options={{ reload: () => void query.refetch(), density: false, setting: false }}
        toolBarRender={() => [
          <Input.Search
            key="q"
            allowClear
            placeholder={t('forbidden.search')}
            onChange={(e) => setQ(e.target.value.trim())}
            style={{ width: 240 }}
          />,
          canManage && <CreateButton key="new" onClick={() => editor.setEditing('new')} />,
        ]}
      />
      <SettingModalForm<ForbiddenPhrase, Values>
        editor={editor}
        rowKey={(row) => row.id}
        title={existing ? t('forbidden.edit') : t('forbidden.create')}
        width={600}
        initialValues={
          existing
            ? { ...existing, category: existing.category ?? undefined }
            : { isActive: true, severity: 'medium', exceptions: [] }
        }
      >
        <ProFormText
          name="phrase"
          label={t('forbidden.never')}
          tooltip={t('forbidden.phraseHint')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        />
        <ProFormTextArea
          name="alternative"
          label={t('forbidden.instead')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        />
        <ProFormSelect
          name="exceptions"
          label={t('fields.exceptions')}
          tooltip={t('forbidden.exceptionsHint')}
          fieldProps={{ mode: 'tags', open: false, tokenSeparators: ['\n'] }}
        />
        <ProForm.Item name="category" label={t('fields.category')} rules={[{ max: 32 }]}>
          <AutoComplete options={categories.map((c) => ({ value: c, label: c }))} filterOption allowClear />
        </ProForm.Item>
        <ProFormSelect
          name="severity"
          label={t('fields.severity')}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          fieldProps={{ allowClear: true }}
        />
        <ProFormSwitch
          name="isActive"
          label={t('common:fields.status')}
          checkedChildren={t('common:status.active')}
          unCheckedChildren={t('common:status.inactive')}
        />
      </SettingModalForm>
    </PageContainer>
  );
}
