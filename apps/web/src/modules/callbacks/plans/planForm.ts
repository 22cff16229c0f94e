/**
 * The plan editor's form values ↔ the API's body, the list's order and the overlap check. Pure,
 * unit-tested without a DOM.
 */
import {
  type CallbackChannel,
  type CallbackPlan,
  type CallbackPlanBody,
  type CallbackPlanPatch,
  type DayKind,
  EDITABLE_TRIGGERS,
  type EditableTrigger,
  type PlanTrigger,
} from './types';

export type StepValues = {
  milestoneTypeKey?: string | null;
  offsetDays: number;
  dayKind: DayKind;
  channel: CallbackChannel;
  altChannel?: CallbackChannel | null;
  fixedDate: boolean;
  purpose: string;
  script?: string | null;
};

export type PlanValues = {
  name: string;
  nameEn?: string | null;
  description?: string | null;
  trigger: EditableTrigger;
  milestoneTypeKey?: string | null;
  ticketTypeKeys: string[];
  departmentId?: string | null;
  isActive: boolean;
  steps: StepValues[];
};

export const isEditableTrigger = (trigger: PlanTrigger): trigger is EditableTrigger =>
  (EDITABLE_TRIGGERS as readonly string[]).includes(trigger);

export const newStep = (): StepValues => ({
  milestoneTypeKey: null,
  offsetDays: 1,
  dayKind: 'calendar',
  channel: 'call',
  altChannel: null,
  fixedDate: false,
  purpose: '',
  script: '',
});

/** A new plan: a ticket-closed callback the next working day (the commonest one). */
export function emptyValues(): PlanValues {
  return {
    name: '',
    nameEn: '',
    description: '',
    trigger: 'ticket_closed',
    milestoneTypeKey: null,
    ticketTypeKeys: [],
    departmentId: null,
    isActive: true,
    steps: [{ ...newStep(), dayKind: 'working' }],
  };
}

/** A stored plan → the form (editing it, or `copyName` set: a new plan copied from a template). */
export function toValues(plan: CallbackPlan, copyName?: string): PlanValues {
  return {
    name: copyName ?? plan.name,
    nameEn: copyName ? '' : (plan.nameEn ?? ''),
    description: plan.description ?? '',
    trigger: isEditableTrigger(plan.trigger) ? plan.trigger : 'ticket_closed',
    milestoneTypeKey: plan.milestoneTypeKey,
    ticketTypeKeys: [...plan.ticketTypeKeys],
    departmentId: plan.departmentId,
    isActive: copyName ? true : plan.isActive,
    steps: plan.steps.map((s) => ({
      milestoneTypeKey: s.milestoneTypeKey,
      offsetDays: s.offsetDays,
      dayKind: s.dayKind,
      channel: s.channel,
      altChannel: s.altChannel,
      fixedDate: s.fixedDate,
      purpose: s.purpose,
      script: s.script ?? '',
    })),
  };
}

const blank = (value: string | null | undefined): string | null => {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
};

/**
 * The form → the create body. Fields that do not apply to the trigger are cleared: milestone types
 * and fixed dates only for a milestone plan, ticket types only for the ticket triggers.
 */
export function toBody(values: PlanValues): CallbackPlanBody {
  const milestone = values.trigger === 'milestone';
  return {
    name: values.name.trim(),
    nameEn: blank(values.nameEn),
    description: blank(values.description),
    trigger: values.trigger,
    milestoneTypeKey: milestone ? (values.milestoneTypeKey ?? null) : null,
    ticketTypeKeys: milestone ? [] : [...values.ticketTypeKeys],
    departmentId: values.departmentId ?? null,
    isActive: values.isActive,
    steps: values.steps.map((s) => ({
      milestoneTypeKey: milestone ? (s.milestoneTypeKey ?? null) : null,
      offsetDays: s.offsetDays,
      dayKind: s.dayKind,
      channel: s.channel,
      altChannel: s.altChannel && s.altChannel !== s.channel ? s.altChannel : null,
      fixedDate: milestone && s.fixedDate,
      purpose: s.purpose.trim(),
      script: blank(s.script),
    })),
  };
}

/** The form → the PATCH body: everything, with the version read (a stale one answers 409). */
export function toPatch(values: PlanValues, version: number): CallbackPlanPatch {
  return { ...toBody(values), version };
}

/** The plans this page edits: campaign rounds' own one-step plans are left to the campaigns page. */
export function editablePlans(plans: CallbackPlan[]): CallbackPlan[] {
  return plans.filter((p) => isEditableTrigger(p.trigger));
}

/** Active plans first, then as the server sends them (oldest first: the shipped templates lead). */
export function sortPlans(plans: CallbackPlan[]): CallbackPlan[] {
  return plans
    .map((plan, index) => ({ plan, index }))
    .sort((a, b) => Number(b.plan.isActive) - Number(a.plan.isActive) || a.index - b.index)
    .map(({ plan }) => plan);
}

/** The shipped templates (one per template key, in the server's order). */
export function templatePlans(plans: CallbackPlan[]): CallbackPlan[] {
  const seen = new Set<string>();
  return plans.filter((p) => {
    if (!p.templateKey || seen.has(p.templateKey)) return false;
    seen.add(p.templateKey);
    return true;
  });
}

/** The milestone types a milestone plan starts from: the plan's and its steps', each once. */
export function milestoneKeysOf(plan: {
  milestoneTypeKey?: string | null;
  steps: { milestoneTypeKey?: string | null }[];
}): string[] {
  const keys = [plan.milestoneTypeKey, ...plan.steps.map((s) => s.milestoneTypeKey)].filter(
    (k): k is string => typeof k === 'string' && k !== '',
  );
  return [...new Set(keys)];
}

/** The ticket triggers: the close of a ticket (ticket_closed is skipped when a field-visit plan matched). */
const TICKET_TRIGGERS: readonly PlanTrigger[] = ['ticket_closed', 'field_visit'];

/**
 * Other active plans that would call the same customers for the same event: same trigger and a
 * shared milestone type, or (ticket triggers) overlapping ticket types — no types means any type.
 */
export function overlappingPlans(plans: CallbackPlan[], values: PlanValues, selfId?: string): CallbackPlan[] {
  if (!values.isActive) return [];
  const mine = milestoneKeysOf(values);
  return plans.filter((p) => {
    if (p.id === selfId || !p.isActive || p.trigger !== values.trigger) return false;
    if (values.trigger === 'milestone') {
      const theirs = milestoneKeysOf({ milestoneTypeKey: p.milestoneTypeKey, steps: p.steps });
      return theirs.some((k) => mine.includes(k));
    }
    if (!TICKET_TRIGGERS.includes(values.trigger)) return false;
    if (p.ticketTypeKeys.length === 0 || values.ticketTypeKeys.length === 0) return true;
    return p.ticketTypeKeys.some((k) => values.ticketTypeKeys.includes(k));
  });
}

/** The plan's name in the reader's language (the English name when there is one). */
export function planName(plan: Pick<CallbackPlan, 'name' | 'nameEn'>, language: string): string {
  return language.startsWith('en') && plan.nameEn ? plan.nameEn : plan.name;
}
