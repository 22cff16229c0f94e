import { UserOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { MyStatusSwitch } from '../modules/agents/MyStatusSwitch';
import { useAccess } from '../modules/auth/useAccess';
import { useCurrentUser } from '../modules/auth/useCurrentUser';
import { appRoutes } from '../routes';
import { LangSwitch } from './LangSwitch';
import { toMenuData } from './menu';
import { UserMenu } from './UserMenu';

/** The signed-in shell: ProLayout with the menu built from routes.tsx and filtered by access. */
export function BasicLayout() {
  const { t, i18n } = useTranslation(['common', 'menu']);
  const location = useLocation();
  const navigate = useNavigate();
  const access = useAccess();
  const { data: me } = useCurrentUser();
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: names must be re-translated when the language changes
  const menuData = useMemo(() => toMenuData(appRoutes, access, (key) => t(key)), [access, t, language]);

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
      actionsRender={() => [<MyStatusSwitch key="status" />, <LangSwitch key="lang" />]}
    >
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  );
}
