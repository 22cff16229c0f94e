import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TestResult } from './providerApi';

/** The answer of a test send: ok or not, the peer's status and what it said. */
export function TestResultView({ result }: { result: TestResult | undefined }) {
  const { t } = useTranslation('notifications');
  if (!result) return null;
  const detail = [result.status ? `HTTP ${result.status}` : '', result.response ?? '', result.error ?? '']
    .filter(Boolean)
    .join('\n');
  return (
    <Alert
      data-testid="test-result"
      type={result.ok ? 'success' : 'error'}
      showIcon
      message={result.ok ? t('test.ok') : t('test.failed')}
      description={
        detail ? (
          <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}>
            {detail}
          </Typography.Paragraph>
        ) : undefined
      }
    />
  );
}
