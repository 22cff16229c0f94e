import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/useCurrentUser';

function greetingKey(hour: number) {
  if (hour < 12) return 'greeting.morning' as const;
  if (hour < 18) return 'greeting.afternoon' as const;
  return 'greeting.evening' as const;
}

/** One line: 早上好，王芳 — role · department · data scope (its meaning on hover). */
export function Greeting() {
  const { t } = useTranslation(['home', 'common']);
  const { data: me } = useCurrentUser();
  if (!me) return null;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 12, rowGap: 0 }}>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="home-greeting">
        {t(greetingKey(new Date().getHours()), { name: me.displayName })}
      </Typography.Title>
      <Typography.Text type="secondary">
        {me.role.name} · {me.department?.name ?? t('noDepartment')} ·{' '}
        <Tooltip title={t(`scopeExplain.${me.dataScope}`)}>
          <span style={{ borderBottom: '1px dotted currentColor' }}>{t(`common:dataScope.${me.dataScope}`)}</span>
        </Tooltip>
      </Typography.Text>
    </div>
  );
}
