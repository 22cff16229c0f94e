import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarsKey, importOfficial } from './api';
import type { OfficialImportResult } from './types';

/** The years and the number of days an import brings (the years replaced, else those of its days). */
export function importSummary(result: OfficialImportResult): { years: string; days: number } {
  const years =
    result.years.length > 0 ? result.years : [...new Set(result.days.map((d) => Number(d.date.slice(0, 4))))];
  return { years: years.join(', '), days: result.days.length };
}

/**
 * Import an official arrangement (.ics or .json): the file is parsed first (dry run) and what it
 * holds is shown; "Import" then applies it.
 */
export function OfficialImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['calendars', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [parsed, setParsed] = useState<OfficialImportResult | null>(null);
  const dryRun = useMutation({ mutationFn: (f: File) => importOfficial(f, true), onSuccess: setParsed });
  const apply = useMutation({
    mutationFn: (f: File) => importOfficial(f, false),
    onSuccess: async (result) => {
      message.success(t('import.done', { years: importSummary(result).years }));
      await queryClient.invalidateQueries({ queryKey: calendarsKey });
      onClose();
    },
  });
  const summary = parsed ? importSummary(parsed) : null;
  return (
    <Modal
      open
      title={t('import.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button disabled={!file} loading={dryRun.isPending} onClick={() => file && dryRun.mutate(file)}>
            {t('import.dryRun')}
          </Button>
          <Button
            type="primary"
            disabled={!file || !parsed}
            loading={apply.isPending}
            onClick={() => file && apply.mutate(file)}
          >
            {t('import.apply')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
        <Upload
          accept=".ics,.json,text/calendar,application/json"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setParsed(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setParsed(null);
          }}
        >
          <Button icon={<UploadOutlined />}>{t('import.choose')}</Button>
        </Upload>
        {summary && parsed && (
          <>
            <Alert type="success" showIcon message={t('import.result', summary)} />
            {parsed.days.length > 0 && (
              <Descriptions size="small" column={1} bordered>
                {parsed.days.slice(0, 60).map((day) => (
                  <Descriptions.Item key={day.date} label={day.date}>
                    {t(day.kind === 'off' ? 'kind.holiday' : 'kind.makeup_workday')} · {day.nameZh}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
            {parsed.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                message={t('import.warnings')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {parsed.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                }
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
