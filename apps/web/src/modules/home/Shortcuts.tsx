import { Button, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { filterRoutes } from '../../layouts/menu';
import { menuIcon } from '../../layouts/menuIcons';
import { type AppRoute, appRoutes } from '../../routes';
import { useAccess } from '../auth/useAccess';
import { MAX_SHORTCUTS, SHORTCUT_PATHS } from './homeLinks';

function flatten(routes: AppRoute[]): AppRoute[] {
  return routes.flatMap((r) => [r, ...flatten(r.children ?? [])]);
}

/** A short row of the most used pages the user may open (the menu has the rest). */
export function Shortcuts() {
  const { t } = useTranslation(['home', 'menu']);
  const access = useAccess();
  const routes = useMemo(() => {
    const allowed = new Map(flatten(filterRoutes(appRoutes, access)).map((r) => [r.path, r]));
    return SHORTCUT_PATHS.flatMap((path) => {
      const route = allowed.get(path);
      return route?.element && route.nameKey ? [route] : [];
    }).slice(0, MAX_SHORTCUTS);
  }, [access]);
  if (routes.length === 0) return null;
  return (
    <Space wrap size={[8, 8]} data-testid="home-shortcuts" aria-label={t('shortcuts')}>
      {routes.map((route) => (
        <Link key={route.path} to={route.path}>
          <Button icon={menuIcon(route)}>{route.nameKey ? t(`menu:${route.nameKey}`) : route.path}</Button>
        </Link>
      ))}
    </Space>
  );
}
