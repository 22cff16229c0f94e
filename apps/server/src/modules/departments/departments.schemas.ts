import { z } from 'zod';

export const DepartmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    parentId: z.uuid().nullable(),
    managerId: z.uuid().nullable(),
    managerName: z.string().nullable(),
    sortOrder: z.number().int(),
    memberCount: z.number().int(),
  })
  .meta({ id: 'Department' });

export const CreateDepartmentBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  parentId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

export const UpdateDepartmentBodySchema = CreateDepartmentBodySchema.partial();
export const DepartmentIdParamsSchema = z.object({ id: z.uuid() });
