import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { listTemplates, templatesKey } from '../api';
import { useLabels } from '../labels';
import { topicRank } from '../topics';
import type { Template } from '../types';
import { TemplateDrawer } from './TemplateDrawer';

export const templateId = (t: Pick<Template, 'topic' | 'channel' | 'locale'>) => `${t.topic}/${t.channel}/${t.locale}`;

type Filter = { topic?: string; channel?: string; locale?: string };

/** Rows matching the filter, by topic (the known order), channel and locale. */
export function filterTemplates(items: readonly Template[], filter: Filter): Template[] {
  return items
    .filter(
      (row) =>
        (!filter.topic || row.topic === filter.topic) &&
        (!filter.channel || row.channel === filter.channel) &&
        (!filter.locale || row.locale === filter.locale),
    )
    .sort((a, b) => topicRank(a.topic) - topicRank(b.topic) || templateId(a).localeCompare(templateId(b)));
}

const distinct = (items: readonly Template[], key: keyof Filter) =>
  [...new Set(items.map((row) => row[key]))].sort((a, b) =>
    key === 'topic' ? topicRank(a) - topicRank(b) : a.localeCompare(b),
  );

/**
 * Message wording per topic × channel × language: the built-in text or an administrator's own,
 * edited with the topic's variables and a live preview, and put back to the default.
 */
export function TemplatesPage() {
  const { t } = useTranslation('notifications');
  const label = useLabels();
  const query = useQuery({ queryKey: templatesKey, queryFn: listTemplates });
  const [filter, setFilter] = useState<Filter>({});
  const [editing, setEditing] = useState<Template>();
  const items = query.data?.items ?? [];
  const rows = useMemo(() => filterTemplates(items, filter), [items, filter]);
  const select = (key: keyof Filter, name: (v: string) => string) => (
    <Select
      allowClear
      placeholder={t(`templates.filter.${key}`)}
      value={filter[key]}
      onChange={(value?: string) => setFilter((f) => ({ ...f, [key]: value }))}
      options={distinct(items, key).map((value) => ({ value, label: name(value) }))}
      style={{ minWidth: 150 }}
      popupMatchSelectWidth={false}
    />
  );

  return (
    <PageContainer content={t('templates.intro')}>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          {select('topic', label.topic)}
          {select('channel', label.channel)}
          {select('locale', label.locale)}
        </Space>
        <Table<Template>
          rowKey={templateId}
          size="middle"
          loading={query.isLoading}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
          locale={{
            emptyText: <Empty description={items.length === 0 ? t('templates.empty') : t('templates.noMatch')} />,
          }}
          onRow={(row) => ({ onDoubleClick: () => setEditing(row) })}
          columns={[
            {
              title: t('templates.topic'),
              dataIndex: 'topic',
              render: (_, row) => (
                <Tooltip title={label.topicHint(row.topic) || row.topic}>
                  <span>{label.topic(row.topic)}</span>
                </Tooltip>
              ),
            },
            { title: t('templates.channel'), dataIndex: 'channel', render: (_, row) => label.channel(row.channel) },
            { title: t('templates.locale'), dataIndex: 'locale', render: (_, row) => label.locale(row.locale) },
            {
              title: t('templates.subject'),
              dataIndex: 'subject',
              render: (_, row) => (
                <Typography.Text ellipsis={{ tooltip: row.body }} style={{ maxWidth: 320 }}>
                  {row.subject || row.body}
                </Typography.Text>
              ),
            },
            {
              title: (
                <Tooltip title={t('templates.sourceHint')}>
                  <span>{t('templates.source')}</span>
                </Tooltip>
              ),
              dataIndex: 'custom',
              render: (_, row) =>
                row.custom ? (
                  <Tooltip title={t('templates.customBy', { at: formatDateTime(row.updatedAt) })}>
                    <Tag color="blue">{t('templates.custom')}</Tag>
                  </Tooltip>
                ) : (
                  <Tag>{t('templates.builtIn')}</Tag>
                ),
            },
            {
              title: t('templates.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_, row) => (
                <Button type="link" size="small" onClick={() => setEditing(row)}>
                  {t('templates.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <TemplateDrawer template={editing} onClose={() => setEditing(undefined)} />
    </PageContainer>
  );
}
