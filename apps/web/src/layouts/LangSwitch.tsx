import { TranslationOutlined } from '@ant-design/icons';
import { LOCALES } from '@kefu/shared';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale, isLocale } from '../i18n';
import { useChangeLocale } from '../modules/auth/useChangeLocale';

/** 中文 / English. Used in the header and on the login page. */
export function LangSwitch() {
  const { t } = useTranslation();
  const changeLocale = useChangeLocale();
  const locale = currentLocale();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((key) => ({
          key,
          label: <span data-testid={`lang-${key}`}>{t(`languages.${key}`)}</span>,
        })),
        onClick: ({ key }) => {
          if (isLocale(key)) void changeLocale(key);
        },
      }}
    >
      <Button type="text" icon={<TranslationOutlined />} data-testid="lang-switch" aria-label={t('language')}>
        {t(`languages.${locale}`)}
      </Button>
    </Dropdown>
  );
}
