import { ModalForm, ProFormDependency, ProFormDigit, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer, EvaluationResult } from '../../../api/types';
import { evaluateCustomer } from '../archive/api';
import { refreshCustomer } from '../archive/useCustomer';
import { evaluateInRound, gradingKey, listRounds, useBands, useCriteria } from '../settings/settingsApi';
import { GradeTag } from './GradeTag';
import { gradeFor, totalScore } from './scoring';

type Values = { roundId?: string; scores: Record<string, number | undefined>; comment?: string };

/** Scores per active criterion (weights shown), the live total and grade, then the evaluation. */
export function EvaluateModal({ customer, open, onClose }: { customer: Customer; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['customersGrading', 'customers', 'common']);
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const criteria = useCriteria().items.filter((c) => c.isActive);
  const bands = useBands().items;
  const rounds = useQuery({
    queryKey: [...gradingKey, 'rounds', 'open'],
    queryFn: () => listRounds({ status: 'open', pageSize: 50 }),
    enabled: open,
  });

  const evaluate = useMutation({
    mutationFn: ({ roundId, scores, comment }: Values) => {
      const body = { scores: scores as Record<string, number>, comment: comment?.trim() || null };
      return roundId
        ? evaluateInRound(roundId, { ...body, customerId: customer.id })
        : evaluateCustomer(customer.id, body);
    },
    meta: { form },
    onSuccess: async () => {
      await refreshCustomer(queryClient, customer.id);
      await queryClient.invalidateQueries({ queryKey: gradingKey });
    },
  });

  const done = (result: EvaluationResult) => {
    message.success(
      result.gradeChanged
        ? t('evaluate.changed', { before: result.gradeBefore ?? t('customers:grade.none'), after: result.gradeAfter })
        : t('evaluate.unchanged', { grade: result.gradeAfter }),
    );
    if (result.warnings.includes('customers.key_needs_two_staff')) {
      modal.warning({ title: t('evaluate.warningTitle'), content: t('customers:staff.keyRule') });
    }
  };

  return (
    <ModalForm<Values>
      title={t('evaluate.title', { name: customer.name })}
      open={open}
      onOpenChange={(next) => !next && onClose()}
      form={form}
      width={560}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (values) => {
        try {
          done(await evaluate.mutateAsync(values));
        } catch {
          return false;
        }
        return true;
      }}
    >
      <ProFormSelect
        name="roundId"
        label={t('evaluate.round')}
        placeholder={t('evaluate.adHoc')}
        allowClear
        options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
      />
      {criteria.map((c) => (
        <ProFormDigit
          key={c.key}
          name={['scores', c.key]}
          label={t('evaluate.criterion', { name: c.name, weight: c.weight })}
          min={0}
          max={100}
          fieldProps={{ step: 1, style: { width: '100%' }, id: `score-${c.key}` }}
          rules={[{ required: true }]}
        />
      ))}
      <ProFormDependency name={['scores']}>
        {({ scores }) => {
          const total = totalScore(criteria, scores ?? {});
          const grade = total === null ? null : gradeFor(total, bands);
          return (
            <Alert
              type={total === null ? 'info' : 'success'}
              style={{ marginBottom: 16 }}
              message={
                <Space size="large" data-testid="evaluate-preview">
                  <Statistic
                    title={t('evaluate.totalLabel')}
                    value={total ?? '-'}
                    precision={total === null ? undefined : 2}
                  />
                  <div>
                    <Typography.Text type="secondary">{t('evaluate.resultGrade')}</Typography.Text>
                    <div>
                      {grade ? <GradeTag grade={grade} /> : '-'}
                      {grade && customer.grade !== grade && (
                        <Typography.Text type="warning">
                          {t('evaluate.willChange', { grade: customer.grade ?? t('customers:grade.none') })}
                        </Typography.Text>
                      )}
                    </div>
                  </div>
                </Space>
              }
            />
          );
        }}
      </ProFormDependency>
      <ProFormTextArea name="comment" label={t('evaluate.comment')} rules={[{ max: 2000 }]} />
    </ModalForm>
  );
}
