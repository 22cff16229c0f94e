import { page, type WebModule } from '../../webModule';

/**
 * Satisfaction surveys (server module `surveys`): the `/surveys` menu group — questionnaires with
 * their builder, preview and sending rules (surveys.manage), and the results dashboard with its
 * drill-down to answers (surveys.report). The public answer page is server-rendered (`/s/{token}`).
 */
export const surveysModule: WebModule = {
  name: 'surveys',
  namespaces: ['surveys'],
  routes: [
    {
      path: '/surveys',
      order: 27,
      nameKey: 'surveysGroup',
      children: [
        {
          path: '/surveys/results',
          nameKey: 'surveyResults',
          access: 'surveys.report',
          element: page(() => import('./SurveyResultsPage'), 'SurveyResultsPage'),
        },
        {
          path: '/surveys/list',
          nameKey: 'surveys',
          access: 'surveys.manage',
          element: page(() => import('./SurveysPage'), 'SurveysPage'),
        },
        {
          path: '/surveys/list/:id',
          nameKey: 'survey',
          access: 'surveys.manage',
          hideInMenu: true,
          element: page(() => import('./SurveyBuilderPage'), 'SurveyBuilderPage'),
        },
      ],
    },
  ],
};
