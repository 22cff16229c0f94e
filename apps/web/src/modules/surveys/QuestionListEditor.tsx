import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Form, Input, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyHint } from '../../components/EmptyHint';
import { isChoice, newQuestion, nextOptionKey, type OptionValues } from './surveyForm';
import { roleLabel } from './surveyLabels';
import { QUESTION_KINDS, type QuestionKind, STAFF_ROLES, SURVEY_LIMITS } from './types';

const ROLE = /^[a-z][a-z0-9_]{0,39}$/;

/** The staff role rated: the known ones by name, or another typed in (lower-case key, e.g. `makeup_artist`). */
function StaffRoleSelect({ value, onChange }: { value?: string | null; onChange?: (value: string) => void }) {
  const { t } = useTranslation('surveys');
  const [search, setSearch] = useState('');
  const typed = search.trim().toLowerCase();
  const roles: string[] = [...STAFF_ROLES];
  if (value && !roles.includes(value)) roles.push(value);
  if (ROLE.test(typed) && !roles.includes(typed)) roles.push(typed);
  return (
    <Select<string>
      showSearch
      value={value ?? undefined}
      onChange={(next) => {
        setSearch('');
        onChange?.(next);
      }}
      onSearch={setSearch}
      filterOption={(input, option) =>
        `${option?.value ?? ''} ${String(option?.label ?? '')}`.toLowerCase().includes(input.trim().toLowerCase())
      }
      options={roles.map((role) => ({ value: role, label: roleLabel(t, role) }))}
    />
  );
}

/** The options of a single / multiple choice question (keys kept: they are stored in the answers). */
function OptionsEditor({ questionName }: { questionName: number }) {
  const { t } = useTranslation('surveys');
  const form = Form.useFormInstance();
  return (
    <Form.List
      name={[questionName, 'options']}
      rules={[
        {
          validator: async (_, options?: OptionValues[]) => {
            if (!options || options.length < 2) throw new Error(t('builder.minOptions'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('fields.options')}</Typography.Text>
          {fields.map((field) => (
            <Space.Compact key={field.key} style={{ width: '100%' }}>
              <Form.Item
                name={[field.name, 'label']}
                noStyle
                rules={[{ required: true, whitespace: true, max: SURVEY_LIMITS.optionLabel }]}
              >
                <Input placeholder={t('fields.optionLabel')} aria-label={t('fields.optionLabel')} />
              </Form.Item>
              <Form.Item name={[field.name, 'labelEn']} noStyle rules={[{ max: SURVEY_LIMITS.optionLabel }]}>
                <Input placeholder={t('fields.optionLabelEn')} aria-label={t('fields.optionLabelEn')} />
              </Form.Item>
              <Tooltip title={t('builder.remove')}>
                <Button icon={<DeleteOutlined />} aria-label={t('builder.remove')} onClick={() => remove(field.name)} />
              </Tooltip>
            </Space.Compact>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= SURVEY_LIMITS.options}
            onClick={() => {
              const current: OptionValues[] = form.getFieldValue(['questions', questionName, 'options']) ?? [];
              add({ key: nextOptionKey(current), label: '', labelEn: null });
            }}
          >
            {t('builder.addOption')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/**
 * The questions, in order: add by kind, reorder up / down, required switch, delete; choices with
 * their options; a staff rating with the role rated. Edits the form's `questions` list.
 */
export function QuestionListEditor() {
  const { t } = useTranslation('surveys');
  const form = Form.useFormInstance();
  return (
    <Card size="small" title={t('builder.questions')}>
      <Form.List name="questions">
        {(fields, { add, remove, move }) => (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {fields.length === 0 && <EmptyHint testId="survey-questions-empty" text={t('builder.noQuestions')} />}
            {fields.map((field, index) => {
              const kind: QuestionKind = form.getFieldValue(['questions', field.name, 'kind']);
              return (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  data-testid="survey-question"
                  title={
                    <Space size={4} wrap>
                      <Typography.Text type="secondary">{index + 1}.</Typography.Text>
                      <Tag color="blue">{t(`kind.${kind}`)}</Tag>
                    </Space>
                  }
                  extra={
                    <Space size={0}>
                      <Tooltip title={t('builder.moveUp')}>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowUpOutlined />}
                          aria-label={t('builder.moveUp')}
                          disabled={index === 0}
                          onClick={() => move(index, index - 1)}
                        />
                      </Tooltip>
                      <Tooltip title={t('builder.moveDown')}>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined />}
                          aria-label={t('builder.moveDown')}
                          disabled={index === fields.length - 1}
                          onClick={() => move(index, index + 1)}
                        />
                      </Tooltip>
                      <Tooltip title={t('builder.remove')}>
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('builder.remove')}
                          data-testid="survey-question-delete"
                          onClick={() => remove(field.name)}
                        />
                      </Tooltip>
                    </Space>
                  }
                >
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    {t(`kindHint.${kind}`)}
                  </Typography.Paragraph>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={t('fields.title')}
                    rules={[{ required: true, whitespace: true, max: SURVEY_LIMITS.title }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid="survey-question-title" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'titleEn']}
                    label={t('fields.titleEn')}
                    rules={[{ max: SURVEY_LIMITS.title }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
                  </Form.Item>
                  {kind === 'staff_rating' && (
                    <Form.Item
                      name={[field.name, 'staffRole']}
                      label={t('fields.staffRole')}
                      extra={t('builder.staffRoleHint')}
                      rules={[{ required: true }, { pattern: ROLE, message: t('builder.roleInvalid') }]}
                    >
                      <StaffRoleSelect />
                    </Form.Item>
                  )}
                  {isChoice(kind) && <OptionsEditor questionName={field.name} />}
                  <Form.Item
                    name={[field.name, 'required']}
                    label={t('fields.required')}
                    valuePropName="checked"
                    style={{ marginTop: 8, marginBottom: 0 }}
                  >
                    <Switch size="small" />
                  </Form.Item>
                </Card>
              );
            })}
            <Dropdown
              trigger={['click']}
              disabled={fields.length >= SURVEY_LIMITS.questions}
              menu={{
                items: QUESTION_KINDS.map((kind) => ({
                  key: kind,
                  label: <span data-testid={`survey-add-${kind}`}>{t(`kind.${kind}`)}</span>,
                })),
                onClick: ({ key }) => {
                  const kind = key as QuestionKind;
                  add(
                    newQuestion(kind, t(`defaultTitle.${kind}`), [t('defaultOption.first'), t('defaultOption.second')]),
                  );
                },
              }}
            >
              <Button type="dashed" block icon={<PlusOutlined />} data-testid="survey-add-question">
                {t('builder.addQuestion')}
              </Button>
            </Dropdown>
            {fields.length >= SURVEY_LIMITS.questions && (
              <Typography.Text type="secondary">
                {t('builder.maxQuestions', { n: SURVEY_LIMITS.questions })}
              </Typography.Text>
            )}
          </Space>
        )}
      </Form.List>
    </Card>
  );
}
