/** Form values ↔ request bodies of ticket types and root causes. Pure, unit-tested. */
import type { RootCause, RootCauseBody, TicketType, TicketTypeBody } from './types';

/** Keys and skills: a-z first, then a-z, 0-9 or _ (32 at most), as the server checks them. */
export const SETTING_KEY_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

export type NamedValues = {
  key: string;
  name: string;
  nameEn?: string | null;
  sortOrder?: number | null;
  isActive?: boolean;
};
export type TypeValues = NamedValues & {
  isComplaint?: boolean;
  skill?: string | null;
  defaultDepartmentId?: string | null;
};

const blankToNull = (value: string | null | undefined) => value?.trim() || null;

export function toRootCauseBody(values: NamedValues): RootCauseBody {
  return {
    key: values.key.trim(),
    name: values.name.trim(),
    nameEn: blankToNull(values.nameEn),
    sortOrder: values.sortOrder ?? 100,
    isActive: values.isActive ?? true,
  };
}

export function toTicketTypeBody(values: TypeValues): TicketTypeBody {
  return {
    ...toRootCauseBody(values),
    isComplaint: Boolean(values.isComplaint),
    skill: blankToNull(values.skill),
    defaultDepartmentId: values.defaultDepartmentId || null,
  };
}

/** A PATCH body: everything but the key (which never changes). */
export function withoutKey<T extends { key: string }>(body: T): Omit<T, 'key'> {
  const { key: _key, ...rest } = body;
  return rest;
}

/** The edit form of an existing entry: the stored Chinese name, not the localized one. */
export function rootCauseValues(row: RootCause): NamedValues {
  return {
    key: row.key,
    name: row.nameZh,
    nameEn: row.nameEn ?? undefined,
    sortOrder: row.sortOrder,
    isActive: row.isActive,
  };
}

export function ticketTypeValues(row: TicketType): TypeValues {
  return {
    ...rootCauseValues(row),
    isComplaint: row.isComplaint,
    skill: row.skill ?? undefined,
    defaultDepartmentId: row.defaultDepartmentId ?? undefined,
  };
}

/** Skills already in use (ticket types, agents), sorted and without repeats, to offer in the form. */
export function knownSkills(...lists: readonly (readonly (string | null | undefined)[])[]): string[] {
  const skills = new Set<string>();
  for (const list of lists) for (const skill of list) if (skill) skills.add(skill);
  return [...skills].sort();
}
