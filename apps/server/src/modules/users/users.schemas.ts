import { LOCALES } from '@kefu/shared';
import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';

const phone = z
  .string()
  .trim()
  .max(32)
  .regex(/^[+\d][\d\s-]{4,}$/, 'phone');

export const UserSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    locale: z.enum(LOCALES),
    roleKey: z.string(),
    roleName: z.string(),
    departmentId: z.uuid().nullable(),
    departmentName: z.string().nullable(),
    superiorId: z.uuid().nullable(),
    superiorName: z.string().nullable(),
    isActive: z.boolean(),
    lastLoginAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    manageable: z
      .boolean()
      .describe(
        'Whether the caller may edit, disable or reset the password of this user (false for their own account, ' +
          'their superiors and users holding more than they do); a hint, the server decides each request',
      ),
  })
  .meta({ id: 'User' });

export type UserView = z.infer<typeof UserSchema>;

export const ListUsersQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  departmentId: z.uuid().optional(),
  roleKey: z.string().max(64).optional(),
  isActive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const CreateUserBodySchema = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9._-]{1,31}$/, 'username'),
  displayName: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  roleKey: z.string().min(1).max(64),
  departmentId: z.uuid().nullable().optional(),
  superiorId: z.uuid().nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  phone: phone.nullable().optional(),
  locale: z.enum(LOCALES).optional(),
});

export const UpdateUserBodySchema = z.strictObject({
  displayName: z.string().trim().min(1).max(64).optional(),
  email: z.email().max(254).nullable().optional(),
  phone: phone.nullable().optional(),
  roleKey: z.string().min(1).max(64).optional(),
  departmentId: z.uuid().nullable().optional(),
  superiorId: z.uuid().nullable().optional(),
  isActive: z.boolean().optional(),
  locale: z.enum(LOCALES).optional(),
});

export const ResetPasswordBodySchema = z.strictObject({ newPassword: z.string().min(1).max(256) });

export const UserIdParamsSchema = z.object({ id: z.uuid() });
