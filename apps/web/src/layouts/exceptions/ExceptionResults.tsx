import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/**
 * The 403/404/500 pages with antd's illustrations. `Result` carries all three SVG illustrations
 * (~40 KB), so this module is loaded on demand (see lazyException.tsx), never by the login page.
 */
export function ForbiddenResult() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('exceptions.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('actions.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundResult() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('exceptions.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('actions.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ServerErrorResult({ error }: { error?: unknown }) {
  const { t } = useTranslation();
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <Result
      status="500"
      title="500"
      subTitle={t('exceptions.serverError')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('actions.reload')}
        </Button>
      }
    >
      {detail ? <Typography.Paragraph type="secondary">{detail}</Typography.Paragraph> : null}
    </Result>
  );
}
