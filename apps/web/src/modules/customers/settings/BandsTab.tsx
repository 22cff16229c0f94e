import { ProForm, ProFormDependency, ProFormDigit } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../api/types';
import { GRADES } from '../archive/customFieldFormat';
import { GradeTag } from '../grading/GradeTag';
import { bandsValid } from '../grading/scoring';
import { customerSettingsKey, listBands, replaceBands } from './settingsApi';

type Values = Partial<Record<Grade, number>>;
const toBands = (v: Values) => GRADES.map((grade) => ({ grade, minScore: Number(v[grade] ?? -1) }));

/** Grade thresholds: the lowest weighted total for each grade, A > B > C > D ≥ 0. */
export function BandsTab() {
  const { t } = useTranslation(['customersSettings', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const query = useQuery({ queryKey: [...customerSettingsKey, 'bands', 'all'], queryFn: listBands });
  const save = useMutation({
    mutationFn: (values: Values) => replaceBands(toBands(values)),
    meta: { form },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerSettingsKey }),
  });
  if (query.isLoading || !query.data) return <Spin />;

  return (
    <ProForm<Values>
      form={form}
      layout="horizontal"
      labelCol={{ span: 3 }}
      initialValues={Object.fromEntries(query.data.items.map((b) => [b.grade, b.minScore]))}
      submitter={{ searchConfig: { submitText: t('common:actions.save') }, resetButtonProps: false }}
      onFinish={async (values) => {
        if (!bandsValid(toBands(values))) return false;
        try {
          await save.mutateAsync(values);
        } catch {
          return false;
        }
        message.success(t('common:feedback.saved'));
        return true;
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('settings.bandsHint')} />
      {GRADES.map((grade) => (
        <ProFormDigit
          key={grade}
          name={grade}
          label={<GradeTag grade={grade} />}
          min={0}
          max={100}
          width="xs"
          fieldProps={{ precision: 0, addonBefore: '≥' }}
          rules={[{ required: true }]}
        />
      ))}
      <ProFormDependency name={GRADES}>
        {(values) =>
          bandsValid(toBands(values as Values)) ? null : (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('settings.bandsInvalid')} />
          )
        }
      </ProFormDependency>
    </ProForm>
  );
}
