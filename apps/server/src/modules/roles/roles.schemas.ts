import { DATA_SCOPES, PERMISSIONS } from '@kefu/shared';
import { z } from 'zod';

export const RoleSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    permissions: z.array(z.string()),
    dataScope: z.enum(DATA_SCOPES),
    isSystem: z.boolean(),
    userCount: z.number().int(),
  })
  .meta({ id: 'Role' });

const permissionList = z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length);

export const CreateRoleBodySchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, 'key'),
  name: z.string().trim().min(1).max(64),
  description: z.string().trim().max(500).nullable().optional(),
  permissions: permissionList,
  dataScope: z.enum(DATA_SCOPES),
});

export const UpdateRoleBodySchema = CreateRoleBodySchema.omit({ key: true }).partial();
export const RoleKeyParamsSchema = z.object({ key: z.string().max(64) });
export const PermissionSchema = z.object({ key: z.enum(PERMISSIONS), group: z.string() });
