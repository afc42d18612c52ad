// Request and response schemas of a person's own account (they also feed the OpenAPI document).
import { z } from 'zod';
import { ZRole } from '../../auth/roles';
import { PROFILE_LOCALES, ZProfileLocale } from '../../i18n/locales';

export const ZProfile = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  locale: ZProfileLocale.nullable().describe(`the person's language and formats; null: the organisation's LOCALE`),
  mustChangePassword: z.boolean().describe('the password is a one-time password an admin set: choose one (POST /api/v1/me/password)'),
});
export type TProfile = z.infer<typeof ZProfile>;

export const ZUpdateProfile = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    locale: z
      .enum(PROFILE_LOCALES, { error: `must be one of ${PROFILE_LOCALES.join(', ')}, or null for the organisation's default` })
      .nullable()
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change: send name or locale' });
export type TUpdateProfile = z.infer<typeof ZUpdateProfile>;

export const ZChangePassword = z.strictObject({
  currentPassword: z.string().min(1, 'required').max(256),
  newPassword: z.string().min(12, 'must be at least 12 characters').max(256),
});

export const ZResetPasswordResult = z.object({
  password: z.string().describe('the one-time password: shown this once, stored only hashed'),
});
