import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Segmented, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { explainKey, getExplain } from '../api';
import type { Clock } from '../types';
import { ExplainContent } from './ExplainContent';

type Props = {
  ticketId: string;
  clocks: Clock[];
  clockId: string | undefined;
  onClockChange: (clockId: string) => void;
  open: boolean;
  onClose: () => void;
};

/** The "说明" drawer: pick a clock, see the days, periods and pauses its due time is made of. */
export function ExplainDrawer({ ticketId, clocks, clockId, onClockChange, open, onClose }: Props) {
  const { t } = useTranslation('sla');
  const query = useQuery({
    queryKey: explainKey(ticketId, clockId ?? ''),
    queryFn: () => getExplain(ticketId, clockId ?? ''),
    enabled: open && clockId !== undefined,
  });
  const cycles = (metric: Clock['metric']) => clocks.filter((c) => c.metric === metric).length;
  const latest = (c: Clock) => clocks.every((o) => o.metric !== c.metric || o.cycle <= c.cycle);
  return (
    <Drawer open={open} onClose={onClose} title={t('explain.title')} width="min(760px, 100vw)" destroyOnHidden>
      <div data-testid="sla-explain-drawer">
        {clocks.length > 1 && (
          <Segmented
            block
            style={{ marginBottom: 16 }}
            value={clockId}
            onChange={(value) => onClockChange(String(value))}
            options={clocks.map((c) => ({
              value: c.id,
              label: (
                <span data-testid={`sla-explain-clock-${c.metric}${latest(c) ? '' : `-${c.cycle}`}`}>
                  {t(`metric.${c.metric}`)}
                  {cycles(c.metric) > 1 ? ` · ${t('panel.cycle', { cycle: c.cycle })}` : ''}
                </span>
              ),
            }))}
          />
        )}
        {query.isLoading && <Skeleton active />}
        {query.isError && <Alert type="error" showIcon message={t('explain.loadFailed')} />}
        {query.data && <ExplainContent explain={query.data} />}
      </div>
    </Drawer>
  );
}
