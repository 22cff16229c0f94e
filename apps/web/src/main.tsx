import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import 'antd/dist/reset.css';
import { StrictMode, useEffect, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { setFeedback } from './api/errors';
import { usePrefersReducedMotion } from './components/motion';
import { i18n } from './i18n';
import { useLocaleSync } from './modules/auth/useLocaleSync';
import { queryClient } from './queryClient';
import { router } from './router';

/** Hands antd's context-aware message/notification to the error policy, and applies the user's locale. */
function AppBridge() {
  const { message, notification } = AntApp.useApp();
  useEffect(() => setFeedback({ message, notification }), [message, notification]);
  useLocaleSync();
  return null;
}

function Root() {
  const { i18n: instance } = useTranslation();
  // The antd (and pro-components) locale follows the UI language on every switch.
  const antdLocale = instance.language === 'en' ? enUS : zhCN;
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => ({ token: { motion: !reducedMotion } }), [reducedMotion]);
  return (
    // autoInsertSpace off: buttons read 登录, not 登 录 (also their accessible names).
    <ConfigProvider locale={antdLocale} button={{ autoInsertSpace: false }} theme={theme}>
      <AntApp>
        <AppBridge />
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Root />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
