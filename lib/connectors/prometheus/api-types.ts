// Zod schemas of the Prometheus HTTP API answers the connector reads (/api/v1/query_range, /api/v1/query).
import { z } from 'zod';

const ZSampleValue = z.tuple([z.number(), z.string()]);

export const ZPromMatrix = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('matrix'),
    result: z.array(z.object({ metric: z.record(z.string(), z.string()), values: z.array(ZSampleValue) })),
  }),
  warnings: z.array(z.string()).optional(),
});
export type TPromMatrix = z.infer<typeof ZPromMatrix>;

export const ZPromInstant = z.object({
  status: z.literal('success'),
  data: z.discriminatedUnion('resultType', [
    z.object({
      resultType: z.literal('vector'),
      result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: ZSampleValue })),
    }),
    z.object({ resultType: z.literal('scalar'), result: ZSampleValue }),
    z.object({ resultType: z.literal('string'), result: ZSampleValue }),
    z.object({ resultType: z.literal('matrix'), result: z.array(z.unknown()) }),
  ]),
  warnings: z.array(z.string()).optional(),
});

export type TPromInstant = z.infer<typeof ZPromInstant>;

export const ZPromError = z.object({ status: z.literal('error'), errorType: z.string(), error: z.string() });
