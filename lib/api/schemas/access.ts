// Request and response schemas for people and API tokens (they also feed the OpenAPI document).
import { z } from 'zod';
import { ZRole } from '../../auth/roles';

export const ZCreateUser = z.object({
  email: z.string().email(),
  name: z.string().min(1).max(200),
  role: ZRole,
  password: z.string().min(12, 'must be at least 12 characters').max(256),
});

export const ZUpdateUser = z
  .object({
    name: z.string().min(1).max(200).optional(),
    role: ZRole.optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  disabled: z.boolean(),
  createdAt: z.string(),
});

export const ZCreateToken = z.object({
  name: z.string().min(1).max(100),
  role: ZRole,
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  role: ZRole,
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});
