import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// The ES builds: `antd/locale/*` resolves to the CommonJS files, which drag antd's lib/ tree along.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import 'antd/dist/reset.css';
import antdSheets from 'virtual:antd-css';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { usePrefersReducedMotion } from './components/motion';
import { i18n } from './i18n';
import { useLocaleSync } from './modules/auth/useLocaleSync';
import { queryClient } from './queryClient';
import { router } from './router';
import { linkStaticStyles } from './staticStyles';
import { appTheme } from './theme';

/**
 * The entry chunk holds what every page needs — React, the router, the query client, i18n and
 * antd's ConfigProvider — and nothing else: the login page and the signed-in shell (antd's App,
 * ProLayout, the menu) are separate chunks (routes.tsx, router.tsx, layouts/BasicLayout.tsx).
 */
function Root() {
  const { i18n: instance } = useTranslation();
  useLocaleSync();
  // The antd (and pro-components) locale follows the UI language on every switch.
  const antdLocale = instance.language === 'en' ? enUS : zhCN;
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => appTheme(reducedMotion), [reducedMotion]);
  return (
    // autoInsertSpace off: buttons read 登录, not 登 录 (also their accessible names).
    <ConfigProvider locale={antdLocale} button={{ autoInsertSpace: false }} theme={theme}>
      <RouterProvider router={router} />
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// antd's pre-rendered styles first: antd decides once, at its first style, whether they are there.
void linkStaticStyles(antdSheets).then(() =>
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <Root />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  ),
);
