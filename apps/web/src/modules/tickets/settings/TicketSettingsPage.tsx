import { PageContainer, ProForm, ProFormSwitch, ProFormTreeSelect } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Card, Tabs, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAccess } from '../../auth/useAccess';
import { toTreeOptions } from '../../departments/tree';
import { useDepartments } from '../../departments/useDepartments';
import { agentsQueryKey, listAgents } from '../assignment/api';
import {
  createRootCause,
  createTicketType,
  deleteRootCause,
  deleteTicketType,
  listRootCauses,
  listTicketTypes,
  ticketSettingsKey,
  updateRootCause,
  updateTicketType,
} from './api';
import { SettingTab } from './SettingTab';
import {
  knownSkills,
  type NamedValues,
  rootCauseValues,
  SETTING_KEY_PATTERN,
  type TypeValues,
  ticketTypeValues,
  toRootCauseBody,
  toTicketTypeBody,
  withoutKey,
} from './settingForm';
import type { RootCause, TicketType } from './types';

const TABS = ['types', 'rootCauses'] as const;

/** Ticket types: the complaint flag, the skill automatic assignment asks for, the default department. */
function TypesTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['ticketsSettings', 'common']);
  const access = useAccess();
  const departments = useDepartments({ enabled: access.can('departments.read') });
  const departmentName = useMemo(() => new Map(departments.items.map((d) => [d.id, d.name])), [departments.items]);
  // Offered skills: those of the types and of the agents (typing a new one is allowed).
  const types = useQuery({ queryKey: [...ticketSettingsKey, 'types', 'all'], queryFn: listTicketTypes });
  const agents = useQuery({
    queryKey: [...agentsQueryKey, 'list', {}],
    queryFn: () => listAgents({}),
    enabled: canEdit,
  });
  const skills = knownSkills(
    (types.data?.items ?? []).map((type) => type.skill),
    (agents.data?.items ?? []).flatMap((agent) => agent.skills),
  );

  return (
    <SettingTab<TicketType, TypeValues>
      name="types"
      canEdit={canEdit}
      intro={t('types.intro')}
      load={listTicketTypes}
      create={(values) => createTicketType(toTicketTypeBody(values))}
      update={(key, values) => updateTicketType(key, withoutKey(toTicketTypeBody(values)))}
      remove={deleteTicketType}
      toValues={ticketTypeValues}
      newValues={{ isComplaint: false }}
      extraColumns={[
        {
          title: t('types.complaint'),
          dataIndex: 'isComplaint',
          width: 110,
          render: (_, row) =>
            row.isComplaint ? <Tag color="red">{t('types.complaintYes')}</Tag> : <Tag>{t('types.complaintNo')}</Tag>,
        },
        {
          title: t('types.skill'),
          dataIndex: 'skill',
          width: 120,
          render: (_, row) => (row.skill ? <Tag color="blue">{row.skill}</Tag> : '-'),
        },
        {
          title: t('types.defaultDepartment'),
          dataIndex: 'defaultDepartmentId',
          render: (_, row) =>
            row.defaultDepartmentId ? (departmentName.get(row.defaultDepartmentId) ?? row.defaultDepartmentId) : '-',
        },
      ]}
      extraFields={
        <>
          <ProFormSwitch
            name="isComplaint"
            label={t('types.complaint')}
            tooltip={t('types.complaintHint')}
            checkedChildren={t('types.complaintYes')}
            unCheckedChildren={t('types.complaintNo')}
          />
          <ProForm.Item
            name="skill"
            label={t('types.skill')}
            tooltip={t('types.skillHint')}
            rules={[{ pattern: SETTING_KEY_PATTERN, message: t('keyHint') }]}
          >
            <AutoComplete
              allowClear
              filterOption
              options={skills.map((skill) => ({ value: skill, label: skill }))}
              placeholder={t('types.skillPlaceholder')}
            />
          </ProForm.Item>
          <ProFormTreeSelect
            name="defaultDepartmentId"
            label={t('types.defaultDepartment')}
            tooltip={t('types.defaultDepartmentHint')}
            allowClear
            fieldProps={{
              treeData: toTreeOptions(departments.tree),
              treeDefaultExpandAll: true,
              showSearch: true,
              treeNodeFilterProp: 'title',
            }}
          />
        </>
      }
    />
  );
}

function RootCausesTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('ticketsSettings');
  return (
    <SettingTab<RootCause, NamedValues>
      name="root-causes"
      canEdit={canEdit}
      intro={t('rootCauses.intro')}
      load={listRootCauses}
      create={(values) => createRootCause(toRootCauseBody(values))}
      update={(key, values) => updateRootCause(key, withoutKey(toRootCauseBody(values)))}
      remove={deleteRootCause}
      toValues={rootCauseValues}
    />
  );
}

/** 工单设置: ticket types and root-cause categories (read by all who read tickets). */
export function TicketSettingsPage() {
  const { t } = useTranslation('ticketsSettings');
  const canEdit = useAccess().can('tickets.settings');
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab');
  const active = tab && (TABS as readonly string[]).includes(tab) ? tab : 'types';

  return (
    <PageContainer content={canEdit ? undefined : t('readOnly')}>
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setSearch({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'types', label: t('tabs.types'), children: <TypesTab canEdit={canEdit} /> },
            { key: 'rootCauses', label: t('tabs.rootCauses'), children: <RootCausesTab canEdit={canEdit} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
