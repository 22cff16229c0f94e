import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Grid, Result, Row, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/ApiError';
import { createSurvey, getSurvey, surveyKey, surveysKey, updateSurvey } from './api';
import { QuestionListEditor } from './QuestionListEditor';
import { SurveyPreview } from './SurveyPreview';
import { SurveyBasicsFields, SurveyRulesFields } from './SurveySettingsFields';
import {
  defaultValues,
  newQuestion,
  type QuestionValues,
  type SurveyValues,
  toBody,
  toPatch,
  toValues,
} from './surveyForm';
import type { Survey } from './types';

/** The form and its live preview (left / right; stacked on a phone). */
function SurveyBuilder({ survey }: { survey: Survey | null }) {
  const { t } = useTranslation(['surveys', 'common']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SurveyValues>();
  // Side by side from lg (the preview follows the scroll); stacked below it, the preview under the form.
  const wide = Grid.useBreakpoint().lg === true;
  const [refused, setRefused] = useState<string | null>(null);
  const initial = useMemo(
    () =>
      survey
        ? toValues(survey)
        : defaultValues(
            (['nps', 'csat'] as const).map((kind) =>
              newQuestion(kind, t(`defaultTitle.${kind}`), [t('defaultOption.first'), t('defaultOption.second')]),
            ),
          ),
    [survey, t],
  );
  const name = Form.useWatch('name', { form, preserve: true });
  const description = Form.useWatch('description', { form, preserve: true });
  const anonymous = Form.useWatch('anonymous', { form, preserve: true });
  const watched = Form.useWatch('questions', { form, preserve: true }) as (QuestionValues | undefined)[] | undefined;
  const questions = (watched ?? initial.questions).filter((q): q is QuestionValues => !!q?.kind);
  const locked = !!survey && survey.responses > 0;

  const onSaved = async (saved: Survey, created: boolean) => {
    setRefused(null);
    queryClient.setQueryData(surveyKey(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: surveysKey, exact: false });
    if (created) {
      message.success(t('builder.created'));
      navigate(`/surveys/list/${saved.id}`, { replace: true });
    } else {
      message.success(t('builder.saved'));
      form.setFieldsValue(toValues(saved));
    }
  };
  const onRefused = (error: unknown) => {
    if (isApiError(error) && error.status === 409) setRefused(error.message);
  };
  const save = useMutation({
    mutationFn: (values: SurveyValues) =>
      survey ? updateSurvey(survey.id, toPatch(values, survey)) : createSurvey(toBody(values)),
    meta: { form },
    onSuccess: (saved) => onSaved(saved, !survey),
    onError: onRefused,
  });
  const copy = useMutation({
    mutationFn: (values: SurveyValues) =>
      createSurvey(toBody({ ...values, name: `${values.name.trim()}${t('builder.copySuffix')}`.slice(0, 100) })),
    meta: { form },
    onSuccess: (saved) => onSaved(saved, true),
  });
  const submit = (how: 'save' | 'copy') =>
    form
      .validateFields()
      // The whole store: question ids, kinds and option keys have no field of their own.
      .then(() => form.getFieldsValue(true) as SurveyValues)
      .then((values) => (how === 'save' ? save.mutate(values) : copy.mutate(values)))
      .catch(() => undefined);

  return (
    <Form<SurveyValues> form={form} layout="vertical" initialValues={initial} data-testid="survey-builder">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {locked && (
              <Alert
                type="warning"
                showIcon
                data-testid="survey-locked"
                message={t('builder.locked', { n: survey.responses })}
              />
            )}
            {refused && (
              <Alert
                type="error"
                showIcon
                closable
                onClose={() => setRefused(null)}
                data-testid="survey-save-refused"
                message={t('builder.serverRefused', { message: refused })}
              />
            )}
            <SurveyBasicsFields />
            <QuestionListEditor />
            <SurveyRulesFields />
            <Space wrap>
              <Button type="primary" data-testid="survey-save" loading={save.isPending} onClick={() => submit('save')}>
                {t('builder.save')}
              </Button>
              {survey && (
                <Button data-testid="survey-save-copy" loading={copy.isPending} onClick={() => submit('copy')}>
                  {t('builder.saveAsCopy')}
                </Button>
              )}
              <Button onClick={() => navigate('/surveys/list')}>{t('builder.back')}</Button>
            </Space>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <div style={wide ? { position: 'sticky', top: 16 } : undefined}>
            <SurveyPreview
              name={name ?? initial.name}
              description={description ?? initial.description}
              anonymous={anonymous ?? initial.anonymous}
              questions={questions}
            />
          </div>
        </Col>
      </Row>
    </Form>
  );
}

/** 问卷编辑: builds a questionnaire (`/surveys/list/new`) or edits one, with the customer's page beside it. */
export function SurveyBuilderPage() {
  const { t } = useTranslation('surveys');
  const { id = 'new' } = useParams();
  const navigate = useNavigate();
  const isNew = id === 'new';
  const survey = useQuery({ queryKey: surveyKey(id), queryFn: () => getSurvey(id), enabled: !isNew });
  const title = isNew ? t('builder.newTitle') : (survey.data?.name ?? '…');
  return (
    <PageContainer title={title} content={t('intro.builder')} onBack={() => navigate('/surveys/list')}>
      {isNew ? (
        <SurveyBuilder key="new" survey={null} />
      ) : survey.data ? (
        <SurveyBuilder key={survey.data.id} survey={survey.data} />
      ) : survey.isError ? (
        <Result
          status="404"
          subTitle={t('builder.notFound')}
          extra={<Button onClick={() => navigate('/surveys/list')}>{t('builder.back')}</Button>}
        />
      ) : (
        <Spin />
      )}
    </PageContainer>
  );
}
