import { UserOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { App as AntApp } from 'antd';
import { Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { setFeedback } from '../api/errors';
import { PageLoading } from '../components/PageLoading';
import { useAccess } from '../modules/auth/useAccess';
import { useCurrentUser } from '../modules/auth/useCurrentUser';
import { NotificationBell } from '../modules/notifications/centre/NotificationBell';
import { MyStatusSwitch } from '../modules/tickets/assignment/MyStatusSwitch';
import { appRoutes } from '../routes';
import { LangSwitch } from './LangSwitch';
import { toMenuData } from './menu';
import { menuIcons } from './menuIcons';
import { UserMenu } from './UserMenu';
import './layout.css';

/** Hands antd's context-aware message/notification to the error policy (api/errors.ts). */
function FeedbackBridge() {
  const { message, notification } = AntApp.useApp();
  useEffect(() => setFeedback({ message, notification }), [message, notification]);
  return null;
}

/**
 * The signed-in shell. antd's App (message, notification, modal contexts) lives here rather than in
 * main.tsx: the pages that use it are all inside the shell, and the login page does not load it.
 */
export function BasicLayout() {
  return (
    <AntApp>
      <FeedbackBridge />
      <Shell />
    </AntApp>
  );
}

/** ProLayout with the menu built from routes.tsx and filtered by access. */
function Shell() {
  const { t, i18n } = useTranslation(['common', 'menu']);
  const location = useLocation();
  const navigate = useNavigate();
  const access = useAccess();
  const { data: me } = useCurrentUser();
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: names must be re-translated when the language changes
  const menuData = useMemo(() => toMenuData(appRoutes, access, (key) => t(key), menuIcons), [access, t, language]);

  return (
    <ProLayout
      title={t('appName')}
      logo="/logo.svg"
      layout="mix"
      fixSiderbar
      fixedHeader
      location={{ pathname: location.pathname }}
      route={{ path: '/', children: menuData }}
      menu={{ locale: false }}
      onMenuHeaderClick={() => navigate('/')}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      avatarProps={{
        icon: <UserOutlined />,
        size: 'small',
        title: me?.displayName,
        render: (_props, dom) => <UserMenu>{dom}</UserMenu>,
      }}
      actionsRender={() => [
        <MyStatusSwitch key="status" />,
        <NotificationBell key="bell" />,
        <LangSwitch key="lang" />,
      ]}
    >
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  );
}
