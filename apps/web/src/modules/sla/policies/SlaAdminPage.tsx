import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CreateButton } from '../../../components/SettingEditor';
import { useAccess } from '../../auth/useAccess';
import { calendarsKey, listCalendars } from '../../calendars/api';
import { getPolicyMatrix, listLadders, listPolicies, slaAdminKey } from './api';
import { LaddersTab } from './LaddersTab';
import { PoliciesList } from './PoliciesList';
import { type PolicyDraft, PolicyFormModal } from './PolicyFormModal';
import { type CellTarget, isOwnPolicy, PolicyMatrixTable } from './PolicyMatrix';
import { SlaSettingsTab } from './SlaSettingsTab';
import type { Grade } from './types';

const TABS = ['matrix', 'list', 'ladders', 'settings'] as const;

/** 时限策略: the policy matrix, the plain list, the escalation ladders and the SLA settings (sla.manage). */
export function SlaAdminPage() {
  const { t } = useTranslation(['slaPolicies', 'tickets']);
  const canEdit = useAccess().can('sla.manage');
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab');
  const active = tab && (TABS as readonly string[]).includes(tab) ? tab : 'matrix';
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [typeKey, setTypeKey] = useState<string | undefined>();
  const [chosenGrade, setGrade] = useState<Grade | null>(null);

  const matrix = useQuery({ queryKey: [...slaAdminKey, 'matrix'], queryFn: getPolicyMatrix });
  const policies = useQuery({ queryKey: [...slaAdminKey, 'policies'], queryFn: listPolicies });
  const ladders = useQuery({ queryKey: [...slaAdminKey, 'ladders'], queryFn: listLadders });
  const calendars = useQuery({ queryKey: [...calendarsKey, 'list'], queryFn: listCalendars });
  const policyById = useMemo(() => new Map((policies.data?.items ?? []).map((p) => [p.id, p])), [policies.data]);
  const calendarNames = useMemo(
    () => new Map((calendars.data?.items ?? []).map((c) => [c.id, c.name])),
    [calendars.data],
  );
  const ladderNames = useMemo(() => new Map((ladders.data?.items ?? []).map((l) => [l.id, l.name])), [ladders.data]);
  const types = matrix.data?.types ?? [];
  const typeName = (key: string) => types.find((type) => type.key === key)?.name ?? key;
  const grades = matrix.data?.grades ?? [];
  const grade = grades.length === 0 ? null : (chosenGrade ?? grades[0] ?? null);

  /** A cell's own policy is edited; otherwise a new one for the cell starts from what applies there. */
  const openCell = (target: CellTarget) => {
    const cell = matrix.data?.cells.find(
      (c) => c.typeKey === target.typeKey && c.priority === target.priority && c.customerGrade === target.customerGrade,
    );
    const resolved = cell?.policies[target.metric];
    const policy = resolved ? policyById.get(resolved.id) : undefined;
    if (policy && cell && isOwnPolicy(policy, cell)) return setDraft({ policy });
    const name = t('policy.defaultName', {
      type: typeName(target.typeKey),
      priority: t(`tickets:priority.${target.priority}`),
      metric: t(`metric.${target.metric}`),
    });
    const { id: _id, name: _name, version: _version, ...template } = policy ?? { id: '', name: '', version: 0 };
    setDraft({
      initial: {
        ...template,
        nameZh: name,
        nameEn: name,
        metric: target.metric,
        typeKey: target.typeKey,
        priority: target.priority,
        customerGrade: target.customerGrade,
      },
    });
  };

  const matrixTab = (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('matrix.intro')}
      </Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label={t('matrix.type')}
          style={{ minWidth: 160 }}
          value={typeKey ?? ''}
          onChange={(value) => setTypeKey(value || undefined)}
          options={[
            { value: '', label: t('matrix.allTypes') },
            ...types.map((type) => ({ value: type.key, label: type.name })),
          ]}
        />
        {grades.length > 0 && (
          <Select<Grade>
            aria-label={t('matrix.grade')}
            style={{ minWidth: 160 }}
            value={grade ?? undefined}
            onChange={setGrade}
            options={grades.map((g) => ({ value: g, label: t('grade', { grade: g }) }))}
          />
        )}
      </Space>
      {matrix.data && (
        <PolicyMatrixTable
          matrix={matrix.data}
          policies={policyById}
          calendarNames={calendarNames}
          grade={grade}
          typeKey={typeKey}
          onCell={canEdit ? openCell : undefined}
        />
      )}
    </Space>
  );

  return (
    <PageContainer content={canEdit ? t('intro') : t('readOnly')}>
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setSearch({ tab: key }, { replace: true })}
          destroyOnHidden
          tabBarExtraContent={
            canEdit && (active === 'matrix' || active === 'list') ? (
              <CreateButton onClick={() => setDraft({ initial: {} })} />
            ) : undefined
          }
          items={[
            { key: 'matrix', label: t('tabs.matrix'), children: matrixTab },
            {
              key: 'list',
              label: t('tabs.list'),
              children: (
                <PoliciesList
                  policies={policies.data?.items ?? []}
                  loading={policies.isLoading}
                  typeName={typeName}
                  calendarNames={calendarNames}
                  ladderNames={ladderNames}
                  onEdit={canEdit ? (policy) => setDraft({ policy }) : undefined}
                />
              ),
            },
            {
              key: 'ladders',
              label: t('tabs.ladders'),
              children: (
                <LaddersTab ladders={ladders.data?.items ?? []} loading={ladders.isLoading} canEdit={canEdit} />
              ),
            },
            { key: 'settings', label: t('tabs.settings'), children: <SlaSettingsTab canEdit={canEdit} /> },
          ]}
        />
      </Card>
      {draft && (
        <PolicyFormModal
          draft={draft}
          types={types.map((type) => ({ value: type.key, label: type.name }))}
          calendars={(calendars.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          ladders={ladders.data?.items ?? []}
          onClose={() => setDraft(null)}
        />
      )}
    </PageContainer>
  );
}
