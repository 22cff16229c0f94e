import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router-dom';
import { createAccess } from './access';
import { PageLoading } from './components/PageLoading';
import { loadAllNamespaces } from './i18n';
import { Forbidden } from './layouts/exceptions/Forbidden';
import { NotFound } from './layouts/exceptions/NotFound';
import { RouteErrorPage } from './layouts/exceptions/ServerError';
import { firstAccessiblePath } from './layouts/menu';
import { RequireAccess } from './modules/auth/RequireAccess';
import { RequireAuth } from './modules/auth/RequireAuth';
import { useAccess } from './modules/auth/useAccess';
import { currentUserQuery } from './modules/auth/useCurrentUser';
import { queryClient } from './queryClient';
import { type AppRoute, appRoutes, LoginPage } from './routes';

// The shell's chunk and the translations of every page load together (i18n.ts keeps only what the
// login page needs in the entry chunk).
const BasicLayout = lazy(() =>
  Promise.all([import('./layouts/BasicLayout'), loadAllNamespaces()]).then(([m]) => ({ default: m.BasicLayout })),
);

/** A group path such as /admin opens its first child the user may see. */
function GroupIndex({ route }: { route: AppRoute }) {
  const path = firstAccessiblePath(route, useAccess());
  return path && path !== route.path ? <Navigate to={path} replace /> : <Forbidden />;
}

/**
 * A page's loader: once the signed-in user is known, it starts the page's chunk and the data the
 * page's first render asks for (`AppRoute.prefetch`), beside the shell's chunk instead of after it.
 * It returns at once (rendering never waits for it) and does nothing for a signed-out visitor or a
 * page the user may not open. It runs when the route is entered, not when only the search changes
 * (a queue tab, a filter: the page's own requests).
 */
function pageLoading(route: AppRoute): Pick<RouteObject, 'loader' | 'shouldRevalidate'> {
  const page = route.element;
  if (!page) return {};
  return {
    loader: ({ request }) => {
      const url = new URL(request.url);
      queryClient.ensureQueryData(currentUserQuery).then(
        (me) => {
          if (!me || !createAccess(me).canAccess(route.access)) return;
          void page.preload();
          void route.prefetch?.(queryClient, url);
        },
        () => undefined, // RequireAuth shows the failure
      );
      return null;
    },
    shouldRevalidate: ({ currentUrl, nextUrl }) => currentUrl.pathname !== nextUrl.pathname,
  };
}

export function toRouteObject(route: AppRoute, parentPath: string): RouteObject {
  const Page = route.element;
  const element = Page ? (
    <RequireAccess access={route.access}>
      <Page />
    </RequireAccess>
  ) : undefined;
  if (route.path === parentPath) return { index: true, element, ...pageLoading(route) };
  const children = route.children?.map((child) => toRouteObject(child, route.path)) ?? [];
  if (route.children && !Page) children.unshift({ index: true, element: <GroupIndex route={route} /> });
  const groupElement = (
    <RequireAccess access={route.access}>
      <Outlet />
    </RequireAccess>
  );
  return {
    path: route.path,
    element: Page ? element : groupElement,
    children: route.children ? children : undefined,
    ...pageLoading(route),
  };
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
    // The pages' loaders (pageLoading) return at once; this only covers the first tick.
    hydrateFallbackElement: <PageLoading />,
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
