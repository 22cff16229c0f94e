import { describe, expect, it } from 'vitest';
import {
  knownSkills,
  rootCauseValues,
  SETTING_KEY_PATTERN,
  ticketTypeValues,
  toRootCauseBody,
  toTicketTypeBody,
  withoutKey,
} from './settingForm';
import type { TicketType } from './types';

const repair: TicketType = {
  key: 'repair',
  name: 'Repair',
  nameZh: '报修',
  nameEn: 'Repair',
  sortOrder: 40,
  isActive: true,
  isComplaint: false,
  skill: 'repair',
  defaultDepartmentId: '11111111-1111-4111-8111-111111111111',
};

describe('ticket setting forms', () => {
  it('trims names, turns blanks into null and fills defaults', () => {
    expect(toRootCauseBody({ key: ' staff ', name: ' 服务态度 ', nameEn: '  ' })).toEqual({
      key: 'staff',
      name: '服务态度',
      nameEn: null,
      sortOrder: 100,
      isActive: true,
    });
    expect(
      toTicketTypeBody({ key: 'vip', name: '贵宾', nameEn: 'VIP', skill: '', defaultDepartmentId: undefined }),
    ).toEqual({
      key: 'vip',
      name: '贵宾',
      nameEn: 'VIP',
      sortOrder: 100,
      isActive: true,
      isComplaint: false,
      skill: null,
      defaultDepartmentId: null,
    });
  });

  it('edits the stored Chinese name, not the localized one, and never sends the key on update', () => {
    const values = ticketTypeValues(repair);
    expect(values).toMatchObject({ key: 'repair', name: '报修', nameEn: 'Repair', skill: 'repair', sortOrder: 40 });
    expect(withoutKey(toTicketTypeBody({ ...values, isComplaint: true }))).toEqual({
      name: '报修',
      nameEn: 'Repair',
      sortOrder: 40,
      isActive: true,
      isComplaint: true,
      skill: 'repair',
      defaultDepartmentId: repair.defaultDepartmentId,
    });
    expect(rootCauseValues({ ...repair, nameEn: null }).nameEn).toBeUndefined();
  });

  it('checks keys as the server does and offers known skills once, sorted', () => {
    expect(SETTING_KEY_PATTERN.test('field_service2')).toBe(true);
    expect(SETTING_KEY_PATTERN.test('2field')).toBe(false);
    expect(SETTING_KEY_PATTERN.test('Repair')).toBe(false);
    expect(knownSkills(['repair', null, 'billing'], ['repair', undefined, 'complaints'])).toEqual([
      'billing',
      'complaints',
      'repair',
    ]);
  });
});
