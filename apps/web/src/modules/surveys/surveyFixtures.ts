/** Test fixtures of the survey pages (a questionnaire as the server answers it). */
import type { Survey, SurveySummary } from './types';

export const surveyFixture: Survey = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '满意度回访',
  description: '感谢您的反馈',
  anonymous: false,
  active: true,
  trigger: 'ticket_closed',
  ticketTypeKeys: [],
  delayAfterCloseMinutes: 90,
  samplingRate: 0.25,
  skipNoAgentReply: true,
  skipInternal: true,
  expiryDays: 14,
  reminderAfterDays: 3,
  minSample: 5,
  invitations: 48,
  responses: 40,
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-02T00:00:00.000Z',
  questions: [
    {
      id: '00000000-0000-4000-8000-0000000000a2',
      position: 2,
      kind: 'single',
      kindLabel: '单选',
      title: '低分原因',
      titleEn: 'Reason',
      options: [
        { key: 'slow', label: '太慢', labelEn: 'Slow' },
        { key: 'rude', label: '态度差', labelEn: null },
      ],
      required: false,
      staffRole: null,
    },
    {
      id: '00000000-0000-4000-8000-0000000000a1',
      position: 1,
      kind: 'nps',
      kindLabel: 'NPS',
      title: '推荐意愿',
      titleEn: null,
      options: [],
      required: true,
      staffRole: null,
    },
    {
      id: '00000000-0000-4000-8000-0000000000a3',
      position: 3,
      kind: 'staff_rating',
      kindLabel: '人员评分',
      title: '为摄影师打分',
      titleEn: null,
      options: [],
      required: false,
      staffRole: 'photographer',
    },
  ],
};

export const summaryFixture: SurveySummary = (() => {
  const { questions, ...rest } = surveyFixture;
  return { ...rest, questionCount: questions.length };
})();
