// The role choices of every role select, from the one list of roles, named in the page's language.
import { useTranslations } from 'next-intl';
import { ROLES } from '@/lib/auth/roles';

export function RoleOptions() {
  const t = useTranslations('roles');
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {t(role)}
    </option>
  ));
}
