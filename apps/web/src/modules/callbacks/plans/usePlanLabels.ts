import { useTranslation } from 'react-i18next';
import { useMilestoneTypes } from '../../customers/settings/settingsApi';
import { useDepartments } from '../../departments/useDepartments';
import { useTicketTypes } from '../../tickets/settings/useTicketSettings';
import { milestoneKeysOf } from './planForm';
import type { CallbackPlan, CallbackPlanStep } from './types';

/** `+1`, `0`, `-3`: the sign is part of the offset the manager reads. */
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * The words of a plan on screen: its trigger ("after a milestone: booking, shoot"; "a closed
 * ticket: repair"), each step ("+2 working days · phone"), the department's name. Keys and enums
 * are never shown raw: an unknown key falls back to a "removed" label.
 */
export function usePlanLabels() {
  const { t } = useTranslation('callbacksPlans');
  const milestoneTypes = useMilestoneTypes();
  const ticketTypes = useTicketTypes();
  const departments = useDepartments();
  const milestoneName = (key: string) => milestoneTypes.items.find((m) => m.key === key)?.name ?? key;
  const ticketTypeName = (key: string) => ticketTypes.items.find((tt) => tt.key === key)?.name ?? key;
  const list = (names: string[]) => names.join(t('list.separator'));

  const triggerText = (plan: CallbackPlan): string => {
    switch (plan.trigger) {
      case 'milestone':
        return t('triggerLabel.milestone', { types: list(milestoneKeysOf(plan).map(milestoneName)) });
      case 'ticket_closed':
      case 'field_visit':
        return plan.ticketTypeKeys.length === 0
          ? t(`triggerLabel.${plan.trigger}Any`)
          : t(`triggerLabel.${plan.trigger}`, { types: list(plan.ticketTypeKeys.map(ticketTypeName)) });
      default:
        return t(`trigger.${plan.trigger}`);
    }
  };

  const stepText = (
    step: Pick<CallbackPlanStep, 'offsetDays' | 'dayKind' | 'fixedDate' | 'channel' | 'altChannel'>,
  ) => {
    const when = step.fixedDate ? t('step.onTheDay') : t(`step.offset.${step.dayKind}`, { n: signed(step.offsetDays) });
    const channel = step.altChannel
      ? t('step.channelOr', { channel: t(`channel.${step.channel}`), alt: t(`channel.${step.altChannel}`) })
      : t(`channel.${step.channel}`);
    return `${when} · ${channel}`;
  };

  const departmentName = (id: string | null) =>
    id ? (departments.items.find((d) => d.id === id)?.name ?? t('list.unknownDepartment')) : t('list.allDepartments');

  return { triggerText, stepText, departmentName, milestoneName };
}
