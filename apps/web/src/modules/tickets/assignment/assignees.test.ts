import { describe, expect, it } from 'vitest';
import { filterAssignees, initialChoice, skillsFirst, sortAssignees } from './assignees';
import type { Assignee } from './types';

const person = (displayName: string, o: Partial<Assignee> = {}): Assignee => ({
  userId: `id-${displayName}`,
  displayName,
  departmentName: '热线组',
  status: 'on_shift',
  skills: [],
  matchesSkill: true,
  openTickets: 0,
  load: 0,
  overdue: 0,
  suggested: false,
  ...o,
});

describe('assign dialog', () => {
  it('orders on shift first, then the suggestion, then the lightest load', () => {
    const items = [
      person('Off', { status: 'off' }),
      person('Away', { status: 'away', load: 0 }),
      person('Heavy', { load: 6, openTickets: 4 }),
      person('Light', { load: 1, openTickets: 1 }),
      person('Pick', { load: 2, suggested: true }),
      person('Idle', { load: 0 }),
    ];
    expect(sortAssignees(items).map((p) => p.displayName)).toEqual(['Pick', 'Idle', 'Light', 'Heavy', 'Away', 'Off']);
  });

  it('searches names, departments and skills', () => {
    const items = [
      person('张伟', { skills: ['complaint'] }),
      person('Li Na', { departmentName: '现场服务组', skills: ['Repair'] }),
    ];
    expect(filterAssignees(items, ' ').map((p) => p.displayName)).toEqual(['张伟', 'Li Na']);
    expect(filterAssignees(items, '张').map((p) => p.displayName)).toEqual(['张伟']);
    expect(filterAssignees(items, 'li').map((p) => p.displayName)).toEqual(['Li Na']);
    expect(filterAssignees(items, '现场').map((p) => p.displayName)).toEqual(['Li Na']);
    expect(filterAssignees(items, 'REPAIR').map((p) => p.displayName)).toEqual(['Li Na']);
  });

  it('chooses the suggestion first, unless it already has the ticket', () => {
    const items = [person('A'), person('B', { suggested: true })];
    expect(initialChoice(items, null)).toBe('id-B');
    expect(initialChoice(items, 'id-B')).toBeUndefined();
    expect(initialChoice([person('A')], null)).toBeUndefined();
  });

  it('puts the skill the ticket asks for first', () => {
    expect(skillsFirst(['billing', 'complaint'], 'complaint')).toEqual(['complaint', 'billing']);
    expect(skillsFirst(['billing'], 'complaint')).toEqual(['billing']);
    expect(skillsFirst(['billing'], null)).toEqual(['billing']);
  });
});
