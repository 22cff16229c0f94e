import { LOCALES } from '@kefu/shared';
import { Button } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { useChangeLocale } from '../modules/auth/useChangeLocale';

/**
 * 中文 · English side by side, for the login page: the header's LangSwitch is a Dropdown, and antd's
 * Dropdown brings its Menu (~25 KB compressed) — too much for the page everyone loads first.
 */
export function LangChoice() {
  const { t } = useTranslation();
  const changeLocale = useChangeLocale();
  const locale = currentLocale();
  return (
    <nav aria-label={t('language')} style={{ display: 'flex', alignItems: 'center' }}>
      {LOCALES.map((key, index) => (
        <Fragment key={key}>
          {index > 0 ? <span aria-hidden="true">·</span> : null}
          <Button
            type="link"
            size="small"
            data-testid={`login-lang-${key}`}
            aria-current={key === locale ? 'true' : undefined}
            disabled={key === locale}
            onClick={() => void changeLocale(key)}
          >
            {t(`languages.${key}`)}
          </Button>
        </Fragment>
      ))}
    </nav>
  );
}
