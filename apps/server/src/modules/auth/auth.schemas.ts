import { LOCALES } from '@kefu/shared';
import { z } from 'zod';

export const LoginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const MeSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    locale: z.enum(LOCALES),
    role: z.object({ key: z.string(), name: z.string() }),
    permissions: z.array(z.string()),
    dataScope: z.enum(['own', 'team', 'department', 'all']),
    department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    superior: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  })
  .meta({ id: 'Me' });

export const UpdateMeBodySchema = z.strictObject({
  displayName: z.string().trim().min(1).max(64).optional(),
  locale: z.enum(LOCALES).optional(),
});

export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const ApiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    expiresAt: z.date().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const CreateTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const CreatedTokenSchema = ApiTokenSchema.omit({ lastUsedAt: true }).extend({ token: z.string() });
