import { App, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVersionedWrite } from '../../tickets/core/useTicket';
import { setWaiting } from '../api';
import type { WaitingOn } from '../types';

const OPTIONS = ['none', 'customer', 'third_party'] as const;
type Option = (typeof OPTIONS)[number];
const toOption = (value: WaitingOn): Option => value ?? 'none';
const toWaitingOn = (option: Option): WaitingOn => (option === 'none' ? null : option);

type Props = { ticketId: string; version: number; waitingOn: WaitingOn; disabled: boolean };

/**
 * 等待客户 / 等待第三方 / 继续处理: `POST /tickets/{id}/waiting` with the version read (a stale one is
 * explained and the page reloads, as for every ticket write); the clocks pause per the SLA settings.
 */
export function WaitingToggle({ ticketId, version, waitingOn, disabled }: Props) {
  const { t } = useTranslation('sla');
  const { message } = App.useApp();
  const write = useVersionedWrite(ticketId, (next: WaitingOn) => setWaiting(ticketId, { waitingOn: next, version }), {
    onSuccess: () => void message.success(t('waiting.done')),
  });
  return (
    <Segmented<Option>
      block
      size="small"
      value={toOption(waitingOn)}
      disabled={disabled || write.isPending}
      onChange={(option) => write.mutate(toWaitingOn(option))}
      aria-label={t('waiting.label')}
      data-testid="sla-waiting"
      options={OPTIONS.map((option) => ({
        value: option,
        label: (
          <span data-testid={`sla-waiting-${option}`} title={t(`waiting.${option}`)}>
            {t(`waiting.${option}`)}
          </span>
        ),
      }))}
    />
  );
}
