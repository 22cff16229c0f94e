import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, Radio, Rate, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../../api/errors';
import {
  listSurveyForms,
  type SurveyForm,
  type SurveyFormQuestion,
  type SurveyValues,
  scaleOf,
  submitSurveyAnswers,
  surveyFieldErrors,
  surveyFormsKey,
  toSurveyAnswers,
} from './surveyForms';

/** One question's input: 0–10 buttons, 1–5 stars, yes/no, choices or text. */
function QuestionInput({ question }: { question: SurveyFormQuestion }) {
  const { t } = useTranslation('callbacksWork');
  const scale = scaleOf(question);
  if (question.kind === 'nps' && scale) {
    const scores = Array.from({ length: scale[1] - scale[0] + 1 }, (_, i) => scale[0] + i);
    return (
      <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        {scores.map((s) => (
          <Radio.Button key={s} value={s} style={{ minWidth: 36, textAlign: 'center' }}>
            {s}
          </Radio.Button>
        ))}
      </Radio.Group>
    );
  }
  if (scale) return <Rate count={scale[1]} />;
  switch (question.kind) {
    case 'resolved':
      return (
        <Radio.Group
          options={[
            { value: true, label: t('survey.yes') },
            { value: false, label: t('survey.no') },
          ]}
        />
      );
    case 'single':
      return (
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {question.options.map((o) => (
            <Radio key={o.key} value={o.key}>
              {o.label}
            </Radio>
          ))}
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={question.options.map((o) => ({ value: o.key, label: o.label }))}
        />
      );
    default:
      return <Input.TextArea rows={2} maxLength={1000} showCount />;
  }
}

function SurveyQuestions({ callbackId, form: survey }: { callbackId: string; form: SurveyForm }) {
  const { t } = useTranslation('callbacksWork');
  const { message } = App.useApp();
  const [form] = Form.useForm<SurveyValues>();
  const queryClient = useQueryClient();
  const submit = useMutation({
    mutationFn: (values: SurveyValues) => submitSurveyAnswers(callbackId, toSurveyAnswers(survey, values)),
    meta: { silent: true },
    onSuccess: () => {
      message.success(t('survey.saved'));
      form.resetFields();
      // The customer's timeline and low-score follow-ups may change.
      void queryClient.invalidateQueries({ queryKey: ['callbacks'] });
    },
    onError: (error) => {
      const fields = surveyFieldErrors(error, (p) => (p ? t(`survey.problem.${p}`) : error.message));
      if (fields.length > 0) {
        form.setFields(fields);
        message.error(error.message);
      } else showError(error);
    },
  });
  return (
    <Form<SurveyValues>
      form={form}
      layout="vertical"
      data-testid="callback-survey-form"
      onFinish={(values) => submit.mutate(values)}
    >
      {survey.questions.map((q) => (
        <Form.Item
          key={q.id}
          name={q.id}
          label={
            <span style={{ overflowWrap: 'anywhere' }}>
              {q.title}
              {q.staffName ? ` · ${q.staffName}` : ''}
            </span>
          }
          extra={q.kind === 'nps' ? `${t('survey.npsLow')} · ${t('survey.npsHigh')}` : undefined}
          rules={q.required ? [{ required: true, message: t('survey.problem.required') }] : undefined}
          data-testid="callback-survey-question"
        >
          <QuestionInput question={q} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="callback-survey-submit">
        {t('survey.submit')}
      </Button>
    </Form>
  );
}

/**
 * 替客户填写问卷: the customer answers a survey on the phone and the specialist fills it in
 * (POST /callbacks/{id}/survey-answers); the customer's open link to that survey is then closed.
 */
export function SurveyOnBehalf({ callbackId }: { callbackId: string }) {
  const { t } = useTranslation('callbacksWork');
  const forms = useQuery({
    queryKey: surveyFormsKey(callbackId),
    queryFn: () => listSurveyForms(callbackId),
    meta: { silent: true },
  });
  const [chosen, setChosen] = useState<string | undefined>();
  const items = forms.data?.items ?? [];
  const current = items.find((f) => f.id === (chosen ?? items[0]?.id));
  return (
    <Card size="small" title={t('survey.title')} data-testid="callback-survey" loading={forms.isLoading}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('survey.help')}</Typography.Text>
        {forms.isError ? <Alert type="warning" showIcon message={t('survey.unavailable')} /> : null}
        {forms.isSuccess && items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('survey.none')} />
        ) : null}
        {items.length > 1 ? (
          <Select
            value={current?.id}
            onChange={setChosen}
            aria-label={t('survey.choose')}
            style={{ width: '100%' }}
            options={items.map((f) => ({ value: f.id, label: f.name }))}
            data-testid="callback-survey-choose"
          />
        ) : null}
        {current ? <SurveyQuestions key={current.id} callbackId={callbackId} form={current} /> : null}
      </Space>
    </Card>
  );
}
