import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handover } from '../../api/types';
import { EmptyHint } from '../../components/EmptyHint';
import { formatDateTime } from '../../components/format';
import { handoversQueryKey, listHandovers } from './api';
import { HandoverWizard } from './HandoverWizard';

/** The handover history in the caller's data scope. */
function HandoverHistory() {
  const { t } = useTranslation('handover');
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: [...handoversQueryKey, page], queryFn: () => listHandovers(page, 20) });
  return (
    <Table<Handover>
      size="small"
      rowKey="id"
      loading={query.isLoading}
      dataSource={query.data?.items ?? []}
      pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyHint text={t('emptyHint.history')} /> }}
      columns={[
        { title: t('history.at'), dataIndex: 'createdAt', render: formatDateTime },
        { title: t('history.from'), dataIndex: 'fromName' },
        { title: t('history.to'), dataIndex: 'toName' },
        { title: t('options.reason'), dataIndex: 'reason', ellipsis: true },
        {
          title: t('history.counts'),
          dataIndex: 'counts',
          render: (counts: Record<string, number>) =>
            Object.entries(counts).map(([kind, n]) => (
              <Tag key={kind}>{`${t(`history.kinds.${kind as 'customers'}`, { defaultValue: kind })} ${n}`}</Tag>
            )),
        },
        { title: t('options.notify'), dataIndex: 'notify', render: (v: boolean) => (v ? t('yes') : t('no')) },
        { title: t('history.by'), dataIndex: 'createdByName' },
      ]}
    />
  );
}

export function HandoverPage() {
  const { t } = useTranslation('handover');
  return (
    <PageContainer>
      <Card>
        <Tabs
          items={[
            { key: 'wizard', label: t('tabs.wizard'), children: <HandoverWizard /> },
            { key: 'history', label: t('tabs.history'), children: <HandoverHistory /> },
          ]}
          destroyOnHidden
        />
      </Card>
    </PageContainer>
  );
}
