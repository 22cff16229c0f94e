import { Alert, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RobotTestResult as Result } from './types';

const MAX_SHOWN = 4000;

/** The receiver's answer to a test message: delivered or not, its HTTP status and body (vendor code). */
export function RobotTestResult({ result }: { result: Result }) {
  const { t } = useTranslation('robots');
  const body = result.response ?? '';
  return (
    <div data-testid="robot-test-result" data-ok={String(result.ok)}>
      <Alert
        type={result.ok ? 'success' : 'error'}
        showIcon
        message={result.ok ? t('test.ok') : t('test.failed')}
        description={result.ok ? t('test.okHint') : t('test.failedHint')}
        style={{ marginBottom: 12 }}
      />
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('test.status')}>
          <span data-testid="robot-test-status">{result.status ?? t('test.noAnswer')}</span>
        </Descriptions.Item>
        {result.error && (
          <Descriptions.Item label={t('test.error')}>
            <Typography.Text type="danger" data-testid="robot-test-error" style={{ wordBreak: 'break-all' }}>
              {result.error}
            </Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('test.response')}>
          {body ? (
            <Typography.Paragraph
              code
              copyable={{ text: body }}
              style={{
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-all',
                marginBottom: 0,
                maxHeight: 240,
                overflow: 'auto',
              }}
              data-testid="robot-test-response"
            >
              {body.length > MAX_SHOWN ? `${body.slice(0, MAX_SHOWN)}…` : body}
            </Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('test.emptyResponse')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
