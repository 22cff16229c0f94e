import { type ComponentType, lazy } from 'react';
import { useTranslation } from 'react-i18next';

type Results = typeof import('./ExceptionResults');
export type ExceptionProps = { error?: unknown };

/**
 * Shown when the illustrated page itself cannot be loaded — typically the very failure being
 * reported (a chunk gone after a deploy, or the network): plain text and a reload button.
 */
function PlainException({ error }: ExceptionProps) {
  const { t } = useTranslation();
  return (
    <div role="alert" style={{ padding: 48, textAlign: 'center' }}>
      <p>{t('exceptions.serverError')}</p>
      {error instanceof Error ? <p style={{ opacity: 0.65 }}>{error.message}</p> : null}
      <button type="button" onClick={() => window.location.reload()}>
        {t('actions.reload')}
      </button>
    </div>
  );
}

/**
 * An exception page loaded on first use (render it inside <Suspense>), so that neither the entry
 * chunk nor the login page carries antd's Result and its illustrations.
 */
export function lazyResult(name: keyof Results) {
  return lazy<ComponentType<ExceptionProps>>(() =>
    import('./ExceptionResults').then(
      (module) => ({ default: module[name] as ComponentType<ExceptionProps> }),
      () => ({ default: PlainException }),
    ),
  );
}
