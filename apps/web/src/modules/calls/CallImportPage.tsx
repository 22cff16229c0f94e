import { InboxOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Progress,
  Radio,
  Row,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { callImportKey, callsKey, getCallImport, uploadCallFile } from './api';
import { csvHeaders, importBusy, importPercent, importPollInterval } from './callKpis';
import {
  CALL_IMPORT_FORMATS,
  type CallImport,
  type CallImportFormat,
  type CallImportLineError,
  CSV_FIELDS,
  CSV_REQUIRED_FIELDS,
  type CsvField,
  type CsvMapping,
} from './types';

/** Follows an import: polls `GET /calls/imports/{id}` every second while it is queued or running. */
export const callImportQuery = (id: string | undefined) => ({
  queryKey: callImportKey(id ?? ''),
  queryFn: () => getCallImport(id as string),
  enabled: !!id,
  refetchInterval: (q: { state: { data?: CallImport } }) => importPollInterval(q.state.data),
});

export const useCallImport = (id: string | undefined) => useQuery(callImportQuery(id));

/** The error codes the page translates (others are shown as they come). */
const KNOWN_CODES = new Set([
  'bad_time',
  'too_few_fields',
  'line_too_long',
  'unknown_event',
  'orphan_event',
  'bad_number',
  'missing_field',
  'bad_outcome',
  'bad_direction',
]);

/** The summary of an import and its per-line errors. */
export function ImportSummary({ record }: { record: CallImport }) {
  const { t } = useTranslation('calls');
  const code = (c: string) => (KNOWN_CODES.has(c) ? t(`import.codes.${c as 'bad_time'}`) : c);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="call-import-summary">
      {record.status === 'failed' && (
        <Alert type="error" showIcon message={t('import.failed')} description={record.failure?.message} />
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('import.fileName')}>{record.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('import.summary.lines')}>{record.lines}</Descriptions.Item>
        <Descriptions.Item label={t('import.summary.calls')}>{record.calls}</Descriptions.Item>
        <Descriptions.Item label={t('import.summary.inserted')}>{record.inserted}</Descriptions.Item>
        <Descriptions.Item label={t('import.summary.updated')}>{record.updated}</Descriptions.Item>
        <Descriptions.Item label={t('import.summary.errors')}>
          <Typography.Text type={record.errorCount > 0 ? 'danger' : undefined}>{record.errorCount}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {record.status === 'done' && record.inserted === 0 && record.updated === 0 && record.calls > 0 && (
        <Alert type="info" showIcon message={t('import.nothingNew')} />
      )}
      {record.errorCount > 0 && (
        <>
          {record.errorCount > record.errors.length && (
            <Typography.Text type="secondary">
              {t('import.errorsCut', { shown: record.errors.length, total: record.errorCount })}
            </Typography.Text>
          )}
          <Table<CallImportLineError>
            data-testid="call-import-errors"
            size="small"
            rowKey={(r) => `${r.line}-${r.code}`}
            dataSource={record.errors}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 560 }}
            columns={[
              { title: t('import.errorLine'), dataIndex: 'line', width: 80, align: 'right' },
              { title: t('import.errorCode'), key: 'code', width: 200, render: (_, r) => code(r.code) },
              {
                title: t('import.errorText'),
                dataIndex: 'text',
                render: (text: string) => (
                  <Typography.Text code style={{ wordBreak: 'break-all' }}>
                    {text}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}

/** The first 64 KB of a file as text (enough for a CSV's header line). */
async function firstLine(file: File): Promise<string> {
  const text = await file.slice(0, 64 * 1024).text();
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * 话单导入: choose the format (Asterisk queue_log, or a CSV with its columns mapped to the fields),
 * upload the file with a progress bar, then follow the import job (202) to its summary and line errors.
 */
export function CallImportPage() {
  const { t } = useTranslation('calls');
  const client = useQueryClient();
  const [format, setFormat] = useState<CallImportFormat>('asterisk-queue-log');
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<CsvMapping>({});
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | undefined>();
  const followed = useCallImport(importId);
  const record = followed.data;
  const uploading = sent !== null && sent < 1 && !importId;
  const missing = format === 'csv' ? CSV_REQUIRED_FIELDS.filter((f) => !mapping[f]) : [];

  const choose = async (chosen: File) => {
    setFile(chosen);
    setImportId(undefined);
    setError(null);
    setSent(null);
    const found = csvHeaders(await firstLine(chosen));
    setHeaders(found);
    // Pre-fill the fields whose name is a header as it stands.
    setMapping(Object.fromEntries(CSV_FIELDS.filter((f) => found.includes(f)).map((f) => [f, f])));
  };

  const start = async () => {
    if (!file) return;
    setError(null);
    setSent(0);
    try {
      const answer = await uploadCallFile(format, file, format === 'csv' ? mapping : undefined, setSent);
      client.setQueryData(callImportKey(answer.record.id), answer.record);
      setImportId(answer.record.id);
      if (!importBusy(answer.record)) void client.invalidateQueries({ queryKey: callsKey });
    } catch (caught) {
      setSent(null);
      setError(isApiError(caught) || caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <PageContainer content={t('intro.import')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="call-import">
        <Card size="small" title={t('import.step1')}>
          <Radio.Group
            value={format}
            onChange={(e) => setFormat(e.target.value as CallImportFormat)}
            data-testid="call-import-format"
            optionType="button"
            options={CALL_IMPORT_FORMATS.map((f) => ({ value: f, label: t(`import.formats.${f}`) }))}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t(`import.formatHelp.${format}`)}
          </Typography.Paragraph>
        </Card>
        <Card size="small" title={t('import.step2')}>
          <div data-testid="call-import-file">
            <Upload.Dragger
              accept={format === 'csv' ? '.csv,.txt,text/csv' : undefined}
              multiple={false}
              showUploadList={false}
              beforeUpload={(chosen) => {
                void choose(chosen);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? file.name : t('import.drop')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
          </div>
        </Card>
        {format === 'csv' && file && (
          <Card size="small" title={t('import.mapping')} data-testid="call-import-mapping">
            <Typography.Paragraph type="secondary">{t('import.mappingHelp')}</Typography.Paragraph>
            <Form layout="vertical">
              <Row gutter={[16, 0]}>
                {CSV_FIELDS.map((field: CsvField) => (
                  <Col key={field} xs={24} sm={12} lg={8}>
                    <Form.Item
                      label={t(`import.fields.${field}`)}
                      required={(CSV_REQUIRED_FIELDS as readonly string[]).includes(field)}
                      style={{ marginBottom: 8 }}
                    >
                      <AutoComplete
                        allowClear
                        value={mapping[field]}
                        options={headers.map((h) => ({ value: h }))}
                        placeholder={t('import.headerPlaceholder')}
                        filterOption={(input, option) =>
                          String(option?.value ?? '')
                            .toLowerCase()
                            .includes(input.toLowerCase())
                        }
                        onChange={(value: string) =>
                          setMapping((m) => {
                            const next = { ...m };
                            if (value) next[field] = value;
                            else delete next[field];
                            return next;
                          })
                        }
                      />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Form>
          </Card>
        )}
        <Card size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button
              type="primary"
              data-testid="call-import-start"
              disabled={!file || missing.length > 0 || uploading || importBusy(record)}
              loading={uploading}
              onClick={() => void start()}
            >
              {t('import.start')}
            </Button>
            {missing.length > 0 && file && (
              <Typography.Text type="warning">
                {t('import.mappingMissing', {
                  fields: missing.map((f) => t(`import.fields.${f}`)).join(t('listSeparator')),
                })}
              </Typography.Text>
            )}
            {error && <Alert type="error" showIcon message={error} data-testid="call-import-error" />}
            {sent !== null && (
              <div data-testid="call-import-progress">
                <Typography.Text>
                  {record ? t(`import.status.${record.status}`) : t('import.uploading')}
                </Typography.Text>
                <Progress
                  percent={record ? importPercent(record) : Math.floor(sent * 100)}
                  status={
                    record?.status === 'failed' ? 'exception' : record && !importBusy(record) ? 'success' : 'active'
                  }
                />
              </div>
            )}
          </Space>
        </Card>
        {record && !importBusy(record) && (
          <Card size="small" title={t('import.result')}>
            <ImportSummary record={record} />
          </Card>
        )}
      </Space>
    </PageContainer>
  );
}
