// Roles, in increasing order of power: each can do what the one before can.
import { z } from 'zod';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

const RANK: Record<TRole, number> = { viewer: 0, editor: 1, admin: 2 };

export function hasRole(actual: TRole, needed: TRole) {
  return RANK[actual] >= RANK[needed];
}

export const ROLE_LABELS: Record<TRole, string> = {
  viewer: 'Viewer: reads everything but secrets',
  editor: 'Editor: also scenarios, the price catalogue and recommendations',
  admin: 'Admin: also FOCUS imports, connections, users, tokens and report schedules',
};
