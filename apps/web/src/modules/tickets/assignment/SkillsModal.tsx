import { ModalForm, ProFormSelect } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { normalizeSkills } from './agentBoard';
import { agentsQueryKey, updateAgent } from './api';
import type { Agent } from './types';

const SKILL = /^[a-z][a-z0-9_]{0,31}$/;

/** A supervisor edits an agent's skills (automatic assignment matches them to ticket types). */
export function SkillsModal({
  agent,
  knownSkills,
  onClose,
}: {
  agent: Agent | null;
  knownSkills: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation(['ticketsAssignment', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ skills: string[] }>();
  const save = useMutation({
    mutationFn: (skills: string[]) => updateAgent((agent as Agent).userId, { skills: normalizeSkills(skills) }),
    meta: { form },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentsQueryKey }),
  });

  return (
    <ModalForm<{ skills: string[] }>
      key={agent?.userId ?? 'none'}
      title={t('skills.edit', { name: agent?.displayName ?? '' })}
      open={agent !== null}
      onOpenChange={(open) => !open && onClose()}
      form={form}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ skills: agent?.skills ?? [] }}
      onFinish={async ({ skills }) => {
        try {
          await save.mutateAsync(skills ?? []);
        } catch {
          return false;
        }
        message.success(t('common:feedback.saved'));
        return true;
      }}
    >
      <ProFormSelect
        name="skills"
        label={t('fields.skills')}
        tooltip={t('skills.hint')}
        options={knownSkills.map((skill) => ({ value: skill, label: skill }))}
        fieldProps={{ mode: 'tags', tokenSeparators: [',', ' '], maxCount: 20 }}
        rules={[
          {
            validator: async (_, value: string[] | undefined) => {
              if ((value ?? []).every((skill) => SKILL.test(skill.trim().toLowerCase()))) return;
              throw new Error(t('skills.invalid'));
            },
          },
        ]}
      />
    </ModalForm>
  );
}
