// The role choices of every role select, from the one list of roles.
import { ROLES } from '@/lib/auth/roles';

export function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {role}
    </option>
  ));
}
