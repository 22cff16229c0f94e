import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Space, Statistic, Table, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerImport } from '../../../api/types';
import { problemsCsv, saveText } from './importHelpers';

type Problem = { row: number; column: string | null; message: string };

/** Counts and per-row problems of a dry run or a finished import; problems download as CSV. */
export function ImportReport({ record }: { record: CustomerImport }) {
  const { t } = useTranslation('customersImportExport');
  const dryRun = record.options?.dryRun ?? false;
  const problemColumns = [
    { title: t('import.report.row'), dataIndex: 'row', width: 80 },
    { title: t('import.report.column'), dataIndex: 'column', width: 160, render: (c: string | null) => c ?? '-' },
    { title: t('import.report.message'), dataIndex: 'message' },
  ];
  const download = () =>
    saveText(
      problemsCsv(record, {
        row: t('import.report.row'),
        column: t('import.report.column'),
        kind: t('import.report.kind'),
        message: t('import.report.message'),
        error: t('import.report.error'),
        duplicate: t('import.report.duplicate'),
      }),
      `${record.fileName.replace(/\.[^.]+$/, '')}-${t('import.report.fileSuffix')}.csv`,
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="import-report">
      {record.failure && <Alert type="error" showIcon message={record.failure.message} />}
      {record.status === 'rejected' && <Alert type="error" showIcon message={t('import.rejected')} />}
      <Row gutter={16}>
        <Col span={4}>
          <Statistic title={t('import.report.total')} value={record.totalRows} />
        </Col>
        <Col span={4}>
          <Statistic title={t('import.report.valid')} value={record.validRows} />
        </Col>
        <Col span={4}>
          <Statistic
            title={dryRun ? t('import.report.wouldImport') : t('import.report.imported')}
            value={dryRun ? record.validRows : record.importedRows}
            valueStyle={{ color: '#389e0d' }}
          />
        </Col>
        <Col span={4}>
          <Statistic
            title={t('import.report.errors')}
            value={record.errorRows}
            valueStyle={{ color: record.errorRows ? '#cf1322' : undefined }}
          />
        </Col>
        <Col span={4}>
          <Statistic title={t('import.report.duplicates')} value={record.duplicateRows} />
        </Col>
        <Col span={4}>
          <Statistic title={t('import.report.skipped')} value={record.skippedRows} />
        </Col>
      </Row>
      {(record.errors.length > 0 || record.duplicates.length > 0) && (
        <>
          <Button icon={<DownloadOutlined />} onClick={download}>
            {t('import.report.download')}
          </Button>
          <Tabs
            items={[
              {
                key: 'errors',
                label: `${t('import.report.errors')} (${record.errors.length})`,
                children: (
                  <Table<Problem>
                    size="small"
                    rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
                    dataSource={record.errors}
                    columns={problemColumns}
                    pagination={{ pageSize: 10 }}
                  />
                ),
              },
              {
                key: 'duplicates',
                label: `${t('import.report.duplicates')} (${record.duplicates.length})`,
                children: (
                  <Table<Problem>
                    size="small"
                    rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
                    dataSource={record.duplicates}
                    columns={problemColumns}
                    pagination={{ pageSize: 10 }}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
