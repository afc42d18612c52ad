// What an AWS connection is configured with. Settings are plain; credentials are the secrets.
import { z } from 'zod';
import { ZHttpUrl } from '../http-url';

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const ZAwsSettings = z.object({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as us-east-1').default('us-east-1'),
  // Overrides the Cost Explorer endpoint (proxies, tests). Without it the SDK's own resolution
  // applies, including the standard AWS_ENDPOINT_URL_COST_EXPLORER variable.
  endpoint: ZHttpUrl.optional(),
  // Role assumed through STS with the access key pair (or the machine's default credentials).
  roleArn: z
    .string()
    .regex(/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN such as arn:aws:iam::123456789012:role/name')
    .optional(),
  stsEndpoint: ZHttpUrl.optional(),
  // The payer account the bill belongs to (FOCUS BillingAccountId); Cost Explorer does not say it.
  billingAccountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id').optional(),
  // Provider insights: forecasts, RI/Savings Plans recommendations, reservation utilisation/coverage.
  insights: flag.default(true),
  recommendationTerm: z.enum(['ONE_YEAR', 'THREE_YEARS']).default('ONE_YEAR'),
  recommendationPaymentOption: z
    .enum(['NO_UPFRONT', 'PARTIAL_UPFRONT', 'ALL_UPFRONT'])
    .default('NO_UPFRONT'),
  recommendationLookback: z.enum(['SEVEN_DAYS', 'THIRTY_DAYS', 'SIXTY_DAYS']).default('THIRTY_DAYS'),
});
export type TAwsSettings = z.infer<typeof ZAwsSettings>;

export const ZAwsCredentials = z.object({
  accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, 'must be an AWS access key id such as AKIA…').optional(),
  secretAccessKey: z.string().min(1).optional(),
  sessionToken: z.string().min(1).optional(),
});
export type TAwsCredentials = z.infer<typeof ZAwsCredentials>;

// Checks that span both schemas: a key pair is whole, and there is a key pair or a role to assume.
export function awsConfigProblem(settings: TAwsSettings, credentials: TAwsCredentials): string | null {
  if (Boolean(credentials.accessKeyId) !== Boolean(credentials.secretAccessKey))
    return 'accessKeyId and secretAccessKey go together: set both';
  if (credentials.sessionToken && !credentials.accessKeyId) return 'sessionToken needs accessKeyId and secretAccessKey';
  if (!credentials.accessKeyId && !settings.roleArn) return 'set accessKeyId and secretAccessKey, or roleArn';
  return null;
}
