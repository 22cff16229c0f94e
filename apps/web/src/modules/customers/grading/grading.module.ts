import { page, type WebModule } from '../../../webModule';

export const customersGradingModule: WebModule = {
  name: 'customers/grading',
  namespaces: ['customersGrading'],
  routes: [
    {
      path: '/customer-grading',
      order: 22,
      nameKey: 'customerGrading',
      access: 'customers.evaluate',
      element: page(() => import('./EvaluationRoundsPage'), 'EvaluationRoundsPage'),
    },
  ],
};
