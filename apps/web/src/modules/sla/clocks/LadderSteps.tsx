import { Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LadderPosition, LadderLevel as Level } from '../types';
import { formatMinutes, type Unit } from './clockView';
import { formatInstant } from './formatTime';

/**
 * Where a clock stands on its escalation ladder: every level with its name and limit; a reached
 * level with its time (late when it fired after its instant, e.g. after downtime), a manual step
 * with who and why, a skipped level with the reason of the jump.
 */
export function LadderSteps({ ladder }: { ladder: LadderPosition }) {
  const { t, i18n } = useTranslation('sla');
  const unit = (name: Unit, count: number) => t(`units.${name}`, { count });
  const status = (level: Level) => {
    if (level.skipped) return 'error' as const;
    if (level.reachedAt) return level.level === ladder.position ? ('process' as const) : ('finish' as const);
    return 'wait' as const;
  };
  const description = (level: Level) => (
    <Space
      direction="vertical"
      size={0}
      data-testid={`sla-ladder-level-${level.level}`}
      data-reached={level.reachedAt ? 'true' : 'false'}
    >
      {level.reachedAt ? (
        <Typography.Text>
          {t('ladder.reachedAt', { time: formatInstant(level.reachedAt, i18n.language) })}
        </Typography.Text>
      ) : (
        !level.skipped && <Typography.Text type="secondary">{t('ladder.notReached')}</Typography.Text>
      )}
      <Space size={4} wrap>
        {level.late && (
          <Tag color="orange" data-testid="sla-ladder-late">
            {t('ladder.late')}
          </Tag>
        )}
        {level.manual && <Tag color="purple">{t('ladder.manual')}</Tag>}
        {level.skipped && <Tag color="red">{t('ladder.skipped')}</Tag>}
      </Space>
      {level.actor && (level.manual || level.skipped) && (
        <Typography.Text type="secondary">{t('ladder.by', { name: level.actor.name })}</Typography.Text>
      )}
      {level.reason && (
        <Typography.Text type="secondary">{t('ladder.reason', { reason: level.reason })}</Typography.Text>
      )}
      {level.reachedAt && level.recipients.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ladder.recipients', { names: level.recipients.map((r) => r.name).join('、') })}
        </Typography.Text>
      )}
      {!level.reachedAt && !level.skipped && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ladder.limit', { time: formatMinutes(level.limitMinutes, unit) })}
        </Typography.Text>
      )}
    </Space>
  );
  return (
    <div data-testid="sla-ladder" data-position={ladder.position}>
      <Steps
        direction="vertical"
        size="small"
        current={Math.max(0, ladder.position - 1)}
        items={ladder.levels.map((level) => ({
          title: t('ladder.levelName', { level: level.level, name: level.name }),
          status: status(level),
          description: description(level),
        }))}
      />
    </div>
  );
}
