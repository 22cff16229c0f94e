import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router-dom';
import { PageLoading } from './components/PageLoading';
import { Forbidden } from './layouts/exceptions/Forbidden';
import { NotFound } from './layouts/exceptions/NotFound';
import { RouteErrorPage } from './layouts/exceptions/ServerError';
import { firstAccessiblePath } from './layouts/menu';
import { RequireAccess } from './modules/auth/RequireAccess';
import { RequireAuth } from './modules/auth/RequireAuth';
import { useAccess } from './modules/auth/useAccess';
import { type AppRoute, appRoutes, LoginPage } from './routes';

const BasicLayout = lazy(() => import('./layouts/BasicLayout').then((m) => ({ default: m.BasicLayout })));

/** A group path such as /admin opens its first child the user may see. */
function GroupIndex({ route }: { route: AppRoute }) {
  const path = firstAccessiblePath(route, useAccess());
  return path && path !== route.path ? <Navigate to={path} replace /> : <Forbidden />;
}

export function toRouteObject(route: AppRoute, parentPath: string): RouteObject {
  const Page = route.element;
  const element = Page ? (
    <RequireAccess access={route.access}>
      <Page />
    </RequireAccess>
  ) : undefined;
  if (route.path === parentPath) return { index: true, element };
  const children = route.children?.map((child) => toRouteObject(child, route.path)) ?? [];
  if (route.children && !Page) children.unshift({ index: true, element: <GroupIndex route={route} /> });
  const groupElement = (
    <RequireAccess access={route.access}>
      <Outlet />
    </RequireAccess>
  );
  return { path: route.path, element: Page ? element : groupElement, children: route.children ? children : undefined };
}

export const router = createBrowserRouter([
  {
    path: '/login',
    errorElement: <RouteErrorPage />,
    element: (
      <Suspense fallback={<PageLoading />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    errorElement: <RouteErrorPage />,
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoading />}>
          <BasicLayout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      {
        // Errors below render inside the shell, so the menu stays usable.
        errorElement: <RouteErrorPage />,
        children: [...appRoutes.map((route) => toRouteObject(route, '/')), { path: '*', element: <NotFound /> }],
      },
    ],
  },
]);
