// One stored recommendation by id (404 for an unknown or malformed id).
import { z } from 'zod';
import { prisma } from '../db';
import { AppError } from '../errors';
import type { TRecommendationView } from '../api/schemas/recommendations';
import { withRealised } from './list-recommendations';
import { toRecommendationView } from './recommendation-view';

export async function getRecommendation(id: string, options: { now?: Date; currency: string }): Promise<TRecommendationView> {
  if (!z.string().uuid().safeParse(id).success) throw new AppError('NOT_FOUND', `no recommendation ${id}`);
  const row = await prisma.recommendation.findUnique({ where: { id } });
  if (!row) throw new AppError('NOT_FOUND', `no recommendation ${id}`);
  return withRealised(toRecommendationView(row), row.payload, options.now ?? new Date(), options.currency);
}
