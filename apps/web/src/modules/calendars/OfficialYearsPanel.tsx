import { EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOfficialYears, officialKey } from './api';
import { OfficialImportModal } from './OfficialImportModal';
import { OfficialYearEditor } from './OfficialYearEditor';
import type { OfficialYearSummary } from './types';

/** The banner shown when next year's arrangement is still missing (after 1 November). */
export function MissingYearBanner({ year, onImport }: { year: number; onImport?: () => void }) {
  const { t } = useTranslation('calendars');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="official-year-missing"
      message={t('official.missing', { year })}
      action={
        onImport && (
          <Button size="small" type="primary" icon={<ImportOutlined />} onClick={onImport}>
            {t('official.import')}
          </Button>
        )
      }
    />
  );
}

/** The State Council's arrangements by year: counts, edit a year, import a file (preview first). */
export function OfficialYearsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['calendars', 'common']);
  const query = useQuery({ queryKey: officialKey, queryFn: listOfficialYears });
  const [editing, setEditing] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const data = query.data;
  const years = data?.years ?? [];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('official.intro')}
      </Typography.Paragraph>
      {data?.nextYearMissing && (
        <MissingYearBanner year={data.nextYear} onImport={canEdit ? () => setImporting(true) : undefined} />
      )}
      {canEdit && (
        <Space wrap>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('official.import')}
          </Button>
          {data && !years.some((y) => y.year === data.nextYear) && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing(data.nextYear)}>
              {t('official.addYear')} {data.nextYear}
            </Button>
          )}
        </Space>
      )}
      <Table<OfficialYearSummary>
        rowKey="year"
        size="small"
        loading={query.isLoading}
        dataSource={[...years].sort((a, b) => b.year - a.year)}
        pagination={false}
        scroll={{ x: 480 }}
        locale={{ emptyText: <Empty description={t('official.empty')} /> }}
        columns={[
          { title: t('official.year'), dataIndex: 'year', width: 90 },
          { title: t('official.offDays'), dataIndex: 'offDays' },
          { title: t('official.workDays'), dataIndex: 'workDays' },
          {
            title: t('official.source'),
            dataIndex: 'source',
            render: (_, row) => (row.source === 'admin' ? t('official.sourceAdmin') : t('official.sourceSeed')),
          },
          ...(canEdit
            ? [
                {
                  title: t('common:fields.actions'),
                  width: 90,
                  render: (_: unknown, row: OfficialYearSummary) => (
                    <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(row.year)}>
                      {t('common:actions.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== null && <OfficialYearEditor year={editing} onClose={() => setEditing(null)} />}
      {importing && <OfficialImportModal onClose={() => setImporting(false)} />}
    </Space>
  );
}
