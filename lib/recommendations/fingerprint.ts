// The stable identity of a recommendation, so a refresh updates it instead of adding a twin.
import { createHash } from 'node:crypto';

/**
 * sha256 of (rule id, resource id, action type), hex. The rule's version and the action's target
 * (which tier, how many nodes) stay out of it: a refined rule or a new target is the same decision,
 * and a dismissed recommendation must stay dismissed when its numbers move.
 */
export function fingerprint(input: { ruleId: string; resourceId: string; actionType: string }): string {
  // A separator that cannot appear in the parts' JSON keeps ('a|b', 'c') and ('a', 'b|c') apart.
  const text = JSON.stringify([input.ruleId, input.resourceId, input.actionType]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
