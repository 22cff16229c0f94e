import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

export function ServerError({ error }: { error?: unknown }) {
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

/** Router `errorElement`: a render error or a failed lazy chunk lands here instead of a blank page. */
export function RouteErrorPage() {
  return <ServerError error={useRouteError()} />;
}
