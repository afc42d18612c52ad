// Creating, changing and deleting budgets: validated bodies in, one transaction each, audited.
import type { TActor } from '../auth/actor';
import { audit } from '../audit';
import { PROVIDERS } from '../connectors/types';
import { pool, prisma } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { providerName } from '../prices/provider-key';
import { ZBudgetInput, type TBudgetInput, type TBudgetPatch } from '../api/schemas/budgets';

export type TBudgetActor = TActor | { type: 'system' | 'cli'; id?: string | null; label?: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkBudgetId(id: string): void {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', `no budget ${id}`);
}

/** The provider names a scope may name: those with costs, with a connection, or with a connector. */
export async function knownProviders(): Promise<Set<string>> {
  const db = pool();
  const [costs, connections] = await Promise.all([
    db.query<{ p: string }>('SELECT DISTINCT provider_name AS p FROM cost_daily'),
    db.query<{ p: string }>('SELECT DISTINCT provider AS p FROM connection'),
  ]);
  return new Set([...costs.rows.map((r) => r.p), ...connections.rows.map((r) => providerName(r.p)), ...PROVIDERS.map((p) => providerName(p))]);
}

async function checkReferences(input: TBudgetInput): Promise<void> {
  const providers = [input.scope.provider, ...[input.scope.service, input.scope.region, input.scope.account].map((k) => k?.split(':')[0])].filter(
    (p): p is string => !!p,
  );
  if (providers.length) {
    const known = await knownProviders();
    const unknown = providers.find((p) => !known.has(p));
    if (unknown) {
      const field = input.scope.provider === unknown ? 'scope.provider' : input.scope.service?.startsWith(`${unknown}:`) ? 'scope.service' : input.scope.region?.startsWith(`${unknown}:`) ? 'scope.region' : 'scope.account';
      const message = `unknown provider "${unknown}"; known: ${[...known].sort().join(', ')}`;
      throw new AppError('BAD_REQUEST', `${field}: ${message}`, [{ field, message }]);
    }
  }
  if (input.fromScenarioId) {
    const scenario = await prisma.scenario.findFirst({ where: { id: input.fromScenarioId, archived: false }, select: { id: true } });
    if (!scenario) throw new AppError('BAD_REQUEST', 'fromScenarioId: no such scenario', [{ field: 'fromScenarioId', message: 'no such scenario' }]);
  }
}

// Validates a whole budget; an issue with the body itself (not an object) is named (body), as the API names it.
function parseBudget(body: unknown): TBudgetInput {
  const result = ZBudgetInput.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', message: i.message }));
  throw new AppError('BAD_REQUEST', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}

function columns(input: TBudgetInput) {
  return {
    name: input.name,
    scope: input.scope as Prisma.InputJsonValue,
    period: input.period,
    currency: input.currency ?? env().DISPLAY_CURRENCY,
    amountKind: input.amount !== undefined ? 'fixed' : input.amounts ? 'planned' : input.auto ? 'auto' : 'scenario',
    amount: input.amount ?? null,
    amounts: (input.amounts ?? []) as Prisma.InputJsonValue,
    autoPeriods: input.auto?.periods ?? null,
    scenarioId: input.fromScenarioId ?? null,
  };
}

function thresholdRows(input: TBudgetInput) {
  return input.thresholds.map((t, position) => ({ position, on: t.on, percent: t.percent ?? null, amount: t.amount ?? null }));
}

function nameTaken(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'P2002';
}

function conflict(name: string): AppError {
  return new AppError('CONFLICT', `a budget named "${name}" exists already`, [{ field: 'name', message: 'already used' }]);
}

export async function createBudget(body: unknown, actor: TBudgetActor): Promise<{ id: string }> {
  const input = parseBudget(body);
  await checkReferences(input);
  try {
    return await prisma.$transaction(async (tx) => {
      const b = await tx.budget.create({
        data: {
          ...columns(input),
          createdBy: actor.label ?? null,
          thresholds: { create: thresholdRows(input) },
          subscriptions: { create: input.subscriptions },
        },
      });
      await audit(actor, 'budget.create', { type: 'budget', id: b.id }, { name: input.name }, tx);
      return { id: b.id };
    });
  } catch (e) {
    if (nameTaken(e)) throw conflict(input.name);
    throw e;
  }
}

/** The stored budget as a body, so that a change is validated as a whole budget. */
export function bodyOf(b: {
  name: string;
  scope: unknown;
  period: string;
  currency: string;
  amountKind: string;
  amount: { toString(): string } | null;
  amounts: unknown;
  autoPeriods: number | null;
  scenarioId: string | null;
  thresholds: { position: number; on: string; percent: { toString(): string } | null; amount: { toString(): string } | null }[];
  subscriptions: { channelId: string; frequency: string }[];
}) {
  return {
    name: b.name,
    scope: b.scope as Record<string, unknown>,
    period: b.period,
    currency: b.currency,
    ...(b.amountKind === 'fixed' ? { amount: b.amount!.toString() } : {}),
    ...(b.amountKind === 'planned' ? { amounts: b.amounts as { period: string; amount: string }[] } : {}),
    ...(b.amountKind === 'auto' ? { auto: { periods: b.autoPeriods ?? 1 } } : {}),
    ...(b.amountKind === 'scenario' && b.scenarioId ? { fromScenarioId: b.scenarioId } : {}),
    thresholds: [...b.thresholds]
      .sort((x, y) => x.position - y.position)
      .map((t) => ({ on: t.on, ...(t.percent !== null ? { percent: Number(t.percent) } : {}), ...(t.amount !== null ? { amount: t.amount.toString() } : {}) })),
    subscriptions: b.subscriptions.map((s) => ({ channelId: s.channelId, frequency: s.frequency })),
  };
}

export async function updateBudget(id: string, patch: TBudgetPatch, actor: TBudgetActor): Promise<{ id: string }> {
  checkBudgetId(id);
  const current = await prisma.budget.findUnique({ where: { id }, include: { thresholds: true, subscriptions: true } });
  if (!current) throw new AppError('NOT_FOUND', `no budget ${id}`);
  const base = bodyOf(current);
  const changesAmount = patch.amount !== undefined || patch.amounts !== undefined || patch.fromScenarioId !== undefined || patch.auto !== undefined;
  const { amount: _a, amounts: _s, auto: _u, fromScenarioId: _f, ...rest } = base;
  const merged = { ...(changesAmount ? rest : base), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  const input = parseBudget(merged);
  await checkReferences(input);
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.budget.update({ where: { id }, data: columns(input) });
      if (patch.thresholds) {
        // thresholds are replaced: their states and alarms go with them (a new threshold alerts afresh)
        await tx.budgetThreshold.deleteMany({ where: { budgetId: id } });
        await tx.budgetThreshold.createMany({ data: thresholdRows(input).map((t) => ({ ...t, budgetId: id })) });
      }
      if (patch.subscriptions) {
        await tx.budgetSubscription.deleteMany({ where: { budgetId: id } });
        await tx.budgetSubscription.createMany({ data: input.subscriptions.map((s) => ({ ...s, budgetId: id })) });
      }
      await audit(actor, 'budget.update', { type: 'budget', id }, { fields: Object.keys(patch) }, tx);
      return { id };
    });
  } catch (e) {
    if (nameTaken(e)) throw conflict(input.name);
    throw e;
  }
}

export async function deleteBudget(id: string, actor: TBudgetActor): Promise<{ id: string; name: string }> {
  checkBudgetId(id);
  return prisma.$transaction(async (tx) => {
    const b = await tx.budget.findUnique({ where: { id }, select: { id: true, name: true } });
    if (!b) throw new AppError('NOT_FOUND', `no budget ${id}`);
    await tx.budget.delete({ where: { id } });
    await audit(actor, 'budget.delete', { type: 'budget', id }, { name: b.name }, tx);
    return b;
  });
}
