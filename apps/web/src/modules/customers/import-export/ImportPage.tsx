import { InboxOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Radio, Result, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerImport, RunImportBody } from '../../../api/types';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportReport } from './ImportReport';
import { runImport, uploadImport } from './importApi';
import { byColumn, isBusy, missingRequired, toMapping } from './importHelpers';
import { useImportProgress } from './useImportProgress';

type Options = Pick<RunImportBody, 'mode' | 'duplicates'>;

/** 导入客户: upload → map columns → options → dry run → import with progress → summary. */
export function ImportPage() {
  const { t } = useTranslation('customersImportExport');
  const [step, setStep] = useState(0);
  const [record, setRecord] = useState<CustomerImport>();
  const [columns, setColumns] = useState<Record<number, string | undefined>>({});
  const [options, setOptions] = useState<Options>({ mode: 'skip_bad_rows', duplicates: 'skip' });
  const progress = useImportProgress(record?.id, record);
  const current = progress.record ?? record;

  const upload = useMutation({
    mutationFn: uploadImport,
    onSuccess: (result) => {
      setRecord(result);
      setColumns(byColumn(result.suggestedMapping));
      setStep(1);
    },
  });
  const run = useMutation({
    mutationFn: (dryRun: boolean) => runImport(record?.id ?? '', { mapping: toMapping(columns), ...options, dryRun }),
    onSuccess: (result, dryRun) => {
      setRecord(result);
      setStep(dryRun ? 3 : 4);
    },
  });
  const missing = record ? missingRequired(record.fields, toMapping(columns)) : [];
  const restart = () => {
    setRecord(undefined);
    setColumns({});
    setStep(0);
  };

  const content = () => {
    if (step === 0 || !current) {
      return (
        <Upload.Dragger
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          customRequest={({ file }) => upload.mutate(file as File)}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{upload.isPending ? t('import.uploading') : t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
        </Upload.Dragger>
      );
    }
    if (step === 1) {
      return (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('import.fileInfo', { name: current.fileName, rows: current.totalRows, encoding: current.encoding })}
          </Typography.Text>
          <ImportMappingStep record={current} columns={columns} onChange={setColumns} />
          {missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('import.missing', { fields: missing.map((f) => f.label).join('、') })}
            />
          )}
          <Space>
            <Button onClick={restart}>{t('import.reupload')}</Button>
            <Button type="primary" disabled={missing.length > 0} onClick={() => setStep(2)}>
              {t('import.next')}
            </Button>
          </Space>
        </Space>
      );
    }
    if (step === 2) {
      return (
        <Space direction="vertical" size="large">
          <div>
            <Typography.Title level={5}>{t('import.mode.label')}</Typography.Title>
            <Radio.Group value={options.mode} onChange={(e) => setOptions({ ...options, mode: e.target.value })}>
              <Space direction="vertical">
                <Radio value="skip_bad_rows">{t('import.mode.skip_bad_rows')}</Radio>
                <Radio value="all_or_nothing">{t('import.mode.all_or_nothing')}</Radio>
              </Space>
            </Radio.Group>
          </div>
          <div>
            <Typography.Title level={5}>{t('import.duplicates.label')}</Typography.Title>
            <Radio.Group
              value={options.duplicates}
              onChange={(e) => setOptions({ ...options, duplicates: e.target.value })}
            >
              <Space direction="vertical">
                <Radio value="skip">{t('import.duplicates.skip')}</Radio>
                <Radio value="import">{t('import.duplicates.import')}</Radio>
              </Space>
            </Radio.Group>
          </div>
          <Space>
            <Button onClick={() => setStep(1)}>{t('import.back')}</Button>
            <Button
              type="primary"
              loading={run.isPending}
              onClick={() => run.mutate(true)}
              data-testid="import-dry-run"
            >
              {t('import.dryRun')}
            </Button>
          </Space>
        </Space>
      );
    }
    if (progress.busy) {
      return (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('import.running', { processed: current.processedRows, total: current.totalRows })}
          </Typography.Text>
          <Progress percent={progress.percent} status="active" data-testid="import-progress" />
        </Space>
      );
    }
    const finished = step === 4 && current.status === 'completed';
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {finished && (
          <Result status="success" title={t('import.done', { count: current.importedRows })} style={{ padding: 16 }} />
        )}
        {step === 3 && <Alert type="info" showIcon message={t('import.dryRunDone')} />}
        <ImportReport record={current} />
        <Space>
          {step === 3 && <Button onClick={() => setStep(1)}>{t('import.backToMapping')}</Button>}
          {step === 3 && (
            <Button
              type="primary"
              loading={run.isPending}
              disabled={isBusy(current.status)}
              onClick={() => run.mutate(false)}
              data-testid="import-run"
            >
              {t('import.run')}
            </Button>
          )}
          {step === 4 && current.status !== 'completed' && (
            <Button onClick={() => setStep(1)}>{t('import.backToMapping')}</Button>
          )}
          {step === 4 && <Button onClick={restart}>{t('import.another')}</Button>}
          {finished && (
            <Link to="/customers">
              <Button type="primary">{t('import.toList')}</Button>
            </Link>
          )}
        </Space>
      </Space>
    );
  };

  return (
    <PageContainer>
      <Card>
        <Steps
          current={step}
          status={
            step === 4 && current?.status === 'completed'
              ? 'finish'
              : current?.status === 'failed'
                ? 'error'
                : 'process'
          }
          style={{ marginBottom: 24 }}
          items={(['upload', 'mapping', 'options', 'check', 'import'] as const).map((s) => ({
            title: t(`import.steps.${s}`),
          }))}
        />
        {content()}
      </Card>
    </PageContainer>
  );
}
