import { describe, expect, it } from 'vitest';
import { fieldVisit, plan, step, studio } from './fixtures';
import {
  editablePlans,
  emptyValues,
  milestoneKeysOf,
  overlappingPlans,
  planName,
  sortPlans,
  templatePlans,
  toBody,
  toPatch,
  toValues,
} from './planForm';

describe('plan form ↔ body', () => {
  it('copies a template into a new, active plan with its steps', () => {
    const values = toValues({ ...studio, isActive: false }, '影楼客户回访计划（副本）');
    expect(values.name).toBe('影楼客户回访计划（副本）');
    expect(values.nameEn).toBe('');
    expect(values.isActive).toBe(true);
    expect(values.steps.map((s) => s.milestoneTypeKey)).toEqual(['booking', 'shoot', 'wedding_day']);
    const body = toBody(values);
    expect(body.trigger).toBe('milestone');
    expect(body.milestoneTypeKey).toBe('booking');
    expect(body.nameEn).toBeNull();
    expect(body.steps[2]).toMatchObject({ offsetDays: 0, fixedDate: true, channel: 'call', altChannel: 'sms' });
    expect(body.steps[0]?.script).toBeNull();
  });

  it('clears what does not apply to the trigger and trims the texts', () => {
    const values = toValues(studio);
    values.trigger = 'ticket_closed';
    values.ticketTypeKeys = ['service'];
    values.steps = values.steps.map((s, i) =>
      i === 0 ? { ...s, purpose: '  确认  ', script: '  ', altChannel: 'call' } : s,
    );
    const body = toBody(values);
    expect(body.milestoneTypeKey).toBeNull();
    expect(body.ticketTypeKeys).toEqual(['service']);
    expect(body.steps.every((s) => s.milestoneTypeKey === null && s.fixedDate === false)).toBe(true);
    expect(body.steps[0]).toMatchObject({ purpose: '确认', script: null, altChannel: null });
    const milestone = toBody({ ...toValues(studio), ticketTypeKeys: ['service'] });
    expect(milestone.ticketTypeKeys).toEqual([]);
  });

  it('sends the version read with an edit', () => {
    expect(toPatch(toValues(fieldVisit), 7)).toMatchObject({
      version: 7,
      trigger: 'field_visit',
      ticketTypeKeys: ['service'],
    });
  });

  it('starts a new plan with one working-day step', () => {
    const values = emptyValues();
    expect(values.steps).toHaveLength(1);
    expect(values.steps[0]?.dayKind).toBe('working');
  });
});

describe('plan list', () => {
  it('puts active plans first, keeps the server order otherwise, and leaves campaign plans out', () => {
    const plans = [plan('a', { isActive: false }), studio, plan('camp', { trigger: 'campaign' }), plan('b')];
    expect(sortPlans(editablePlans(plans)).map((p) => p.id)).toEqual(['studio', 'b', 'a']);
  });

  it('offers each template once', () => {
    expect(templatePlans([studio, plan('x'), { ...studio, id: 'again' }, fieldVisit]).map((p) => p.id)).toEqual([
      'studio',
      'field',
    ]);
  });

  it('names a plan in the reader language', () => {
    expect(planName(studio, 'en')).toBe('Studio customer callbacks');
    expect(planName(studio, 'zh-CN')).toBe('影楼客户回访计划');
    expect(planName(plan('x'), 'en')).toBe('plan x');
  });

  it('lists the milestone types a plan starts from, each once', () => {
    expect(milestoneKeysOf({ milestoneTypeKey: 'booking', steps: studio.steps })).toEqual([
      'booking',
      'shoot',
      'wedding_day',
    ]);
  });
});

describe('overlapping plans', () => {
  it('finds active plans calling the same customers for the same event', () => {
    const copy = toValues(studio, 'copy');
    expect(overlappingPlans([studio, fieldVisit], copy).map((p) => p.id)).toEqual(['studio']);
    expect(overlappingPlans([studio], copy, 'studio')).toEqual([]);
    expect(overlappingPlans([{ ...studio, isActive: false }], copy)).toEqual([]);
    expect(overlappingPlans([studio], { ...copy, isActive: false })).toEqual([]);
    const pickupOnly = {
      ...copy,
      milestoneTypeKey: null,
      steps: copy.steps.slice(0, 1).map((s) => ({ ...s, milestoneTypeKey: 'pickup' })),
    };
    expect(overlappingPlans([studio], pickupOnly)).toEqual([]);
  });

  it('treats no ticket types as any type', () => {
    const values = toValues(fieldVisit, 'copy');
    expect(overlappingPlans([fieldVisit], values)).toHaveLength(1);
    expect(overlappingPlans([fieldVisit], { ...values, ticketTypeKeys: ['complaint'] })).toHaveLength(0);
    expect(overlappingPlans([fieldVisit], { ...values, ticketTypeKeys: [] })).toHaveLength(1);
    const anyClosed = plan('any', { steps: [step(1)] });
    expect(overlappingPlans([anyClosed], toValues(fieldVisit, 'x'))).toHaveLength(0);
  });
});
