import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router-dom';
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

/**
 * The signed-in shell's chunk with the translations of every page (i18n.ts keeps only what the login
 * page needs in the entry chunk). Started by the first page loader (beside `/auth/me`, not after it)
 * and by the lazy layout, whichever comes first; loaded once.
 */
let shell: Promise<{ default: typeof import('./layouts/BasicLayout').BasicLayout }> | undefined;
function loadShell() {
  shell ??= Promise.all([import('./layouts/BasicLayout'), loadAllNamespaces()]).then(([m]) => ({
    default: m.BasicLayout,
  }));
  return shell;
}
const BasicLayout = lazy(loadShell);

/** A group path such as /admin opens its first child the user may see. */
function GroupIndex({ route }: { route: AppRoute }) {
  const path = firstAccessiblePath(route, useAccess());
  return path && path !== route.path ? <Navigate to={path} replace /> : <Forbidden />;
}

/**
 * A page's loader. At once, without waiting for anything: `/auth/me` and the page's prefetcher start
 * loading (before the first render, which waits for antd's style sheet: main.tsx), then the shell's
 * and the page's chunks. The prefetcher runs as soon as it has loaded, so the page's first requests
 * wait for neither the user, nor the chunks, nor the shell's render (prefetchers are silent: a
 * signed-out visitor's 401 or a 403 shows nothing; RequireAuth and RequireAccess decide what
 * renders, and the page asks again for a query that failed). The loader returns at once: rendering
 * never waits for it. It runs when the route is entered, not when only the search changes (a queue
 * tab, a filter: the page's own requests).
 */
function pageLoading(route: AppRoute): Pick<RouteObject, 'loader' | 'shouldRevalidate'> {
  const page = route.element;
  if (!page) return {};
  return {
    loader: ({ request }) => {
      const url = new URL(request.url);
      void queryClient.prefetchQuery(currentUserQuery);
      // The prefetcher's small chunk first: evaluating the shell's big module graph is one long task
      // that would otherwise run before it and hold the page's requests back.
      const prefetched = route.prefetch?.().then(
        (prefetch) => void prefetch(queryClient, url),
        () => undefined, // the page loads its own data
      );
      void Promise.resolve(prefetched).then(() => {
        void loadShell();
        void page.preload();
      });
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
