import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyHint } from '../../components/EmptyHint';
import { formatDateTime } from '../../components/format';
import { getSurvey, listSurveyResponses, surveyKey, surveyResponsesKey } from './api';
import { answerText } from './surveyResults';
import type { SurveyQuestion, SurveyResponse, SurveySummary } from './types';

/** What the drill-down shows: a period, optionally low scores only, one person rated or one department. */
export type ResponsesFilter = {
  from: string;
  to: string;
  lowScore?: boolean;
  staff?: { userId: string; name: string };
  department?: { id: string; name: string };
};

/** What the customer wrote (free-text answers), shown in the list without opening the row. */
export function remarksOf(response: Pick<SurveyResponse, 'answers'>): string {
  return response.answers
    .map((a) => a.text?.trim())
    .filter(Boolean)
    .join(' / ');
}

/** Every answer of one response, titled by its question. */
function AnswersList({ response, questions }: { response: SurveyResponse; questions: SurveyQuestion[] }) {
  const { t } = useTranslation('surveys');
  const byId = new Map(questions.map((q) => [q.id, q]));
  return (
    <Descriptions size="small" column={1} bordered>
      {response.answers.map((answer) => {
        const question = byId.get(answer.questionId);
        return (
          <Descriptions.Item key={answer.questionId} label={question?.title ?? answer.kind}>
            {answerText(answer, question, { yes: t('responses.yes'), no: t('responses.no') })}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}

/**
 * 回答明细: the answers under a figure (`GET /surveys/{id}/responses`), newest first; anonymous
 * surveys show no customer. Filtered by the server: period, low scores, the member of staff rated,
 * the department.
 */
export function ResponsesDrawer({
  survey,
  filter,
  onClose,
}: {
  survey: SurveySummary;
  filter: ResponsesFilter | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['surveys', 'common']);
  const [page, setPage] = useState(1);
  const [lowOnly, setLowOnly] = useState<boolean | undefined>();
  const low = lowOnly ?? filter?.lowScore ?? false;
  const query = {
    from: filter?.from,
    to: filter?.to,
    page,
    pageSize: 50,
    ...(low ? { lowScore: 'true' as const } : {}),
    ...(filter?.staff ? { staffUserId: filter.staff.userId } : {}),
    ...(filter?.department ? { departmentId: filter.department.id } : {}),
  };
  const responses = useQuery({
    queryKey: surveyResponsesKey(survey.id, query),
    queryFn: () => listSurveyResponses(survey.id, query),
    enabled: !!filter,
    placeholderData: keepPreviousData,
  });
  const detail = useQuery({ queryKey: surveyKey(survey.id), queryFn: () => getSurvey(survey.id), enabled: !!filter });
  const questions = detail.data?.questions ?? [];
  const items = responses.data?.items ?? [];
  const close = () => {
    setPage(1);
    setLowOnly(undefined);
    onClose();
  };

  return (
    <Drawer
      open={!!filter}
      onClose={close}
      width="min(880px, 100vw)"
      title={t('responses.title')}
      data-testid="survey-responses-drawer"
    >
      {filter && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={[8, 8]}>
            <Tag>{t('responses.range', { from: filter.from, to: filter.to })}</Tag>
            {filter.staff && <Tag color="blue">{t('responses.staffFilter', { name: filter.staff.name })}</Tag>}
            {filter.department && <Tag color="blue">{filter.department.name}</Tag>}
            <Space size={4}>
              <Switch
                size="small"
                checked={low}
                data-testid="survey-responses-low"
                onChange={(next) => {
                  setLowOnly(next);
                  setPage(1);
                }}
              />
              <Typography.Text>{t('responses.lowOnly')}</Typography.Text>
              <Typography.Text type="secondary">（{t('responses.lowHint')}）</Typography.Text>
            </Space>
          </Space>
          <Table<SurveyResponse>
            data-testid="survey-responses"
            rowKey="id"
            size="small"
            loading={responses.isFetching}
            dataSource={items}
            scroll={{ x: 940 }}
            expandable={{
              expandedRowRender: (row) => <AnswersList response={row} questions={questions} />,
              rowExpandable: (row) => row.answers.length > 0,
            }}
            pagination={{
              current: page,
              pageSize: 50,
              total: responses.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
            }}
            locale={{ emptyText: <EmptyHint testId="survey-responses-empty" text={t('responses.empty')} /> }}
            columns={[
              {
                title: t('responses.submittedAt'),
                dataIndex: 'submittedAt',
                width: 150,
                render: (value: string) => formatDateTime(value),
              },
              ...(survey.anonymous
                ? []
                : [
                    {
                      title: t('responses.customer'),
                      key: 'customer',
                      width: 160,
                      render: (_: unknown, row: SurveyResponse) =>
                        row.customerId ? (
                          <Link to={`/customers/${row.customerId}`}>{row.customerName ?? '—'}</Link>
                        ) : (
                          <Tag>{t('responses.anonymous')}</Tag>
                        ),
                    },
                  ]),
              { title: t('results.nps'), dataIndex: 'npsScore', width: 70, render: (v: number | null) => v ?? '—' },
              { title: 'CSAT', dataIndex: 'csatScore', width: 70, render: (v: number | null) => v ?? '—' },
              {
                title: t('responses.remarks'),
                key: 'remarks',
                width: 220,
                ellipsis: { showTitle: true },
                render: (_: unknown, row: SurveyResponse) => remarksOf(row) || '—',
              },
              {
                title: t('responses.staff'),
                key: 'staff',
                render: (_, row) =>
                  Object.values(row.staff)
                    .map((s) => s.name)
                    .join('、') || '—',
              },
              {
                title: t('responses.source'),
                dataIndex: 'source',
                width: 130,
                render: (source: SurveyResponse['source']) => t(`responses.sources.${source}`),
              },
              ...(survey.anonymous
                ? []
                : [
                    {
                      title: t('responses.openTicket'),
                      key: 'ticket',
                      width: 80,
                      render: (_: unknown, row: SurveyResponse) =>
                        row.ticketId ? <Link to={`/tickets/${row.ticketId}`}>{t('responses.openTicket')}</Link> : '—',
                    },
                  ]),
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
