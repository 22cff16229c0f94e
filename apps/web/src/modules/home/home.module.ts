import { page, type WebModule } from '../../webModule';

export const homeModule: WebModule = {
  name: 'home',
  namespaces: ['home'],
  routes: [{ path: '/', order: 0, nameKey: 'home', element: page(() => import('./HomePage'), 'HomePage') }],
};
