// Turns what the AWS SDK throws into a ConnectorError whose status tells the user what to fix.
import type { z } from 'zod';
import { NETWORK_ERROR_CODES } from '../network-errors';
import { ConnectorError } from '../types';

// Cost Explorer's own rate limits: retried with backoff (see retry.ts).
export const THROTTLING_ERRORS = new Set(['LimitExceededException', 'ThrottlingException', 'TooManyRequestsException']);

// Cost Explorer (JSON) and STS (query protocol) spell their credential errors differently.
const AUTH_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'AccessDeniedException',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'ExpiredToken',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'CredentialsProviderError',
]);

type TSdkError = Error & {
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
};

export function errorName(e: unknown): string | undefined {
  return e instanceof Error ? e.name : undefined;
}

export function isThrottling(e: unknown): boolean {
  const name = errorName(e);
  return name !== undefined && THROTTLING_ERRORS.has(name);
}

export function toConnectorError(e: unknown, operation: string): ConnectorError {
  if (e instanceof ConnectorError) return e;
  if (!(e instanceof Error)) return new ConnectorError('unexpected_response', `${operation}: ${String(e)}`);
  const err = e as TSdkError;
  const status = err.$metadata?.httpStatusCode;
  const message = err.message || err.name;
  if (AUTH_ERRORS.has(err.name))
    return new ConnectorError('authentication_failed', `AWS refused the credentials (${err.name}): ${message}`, { cause: e });
  if (err.name === 'AbortError') return new ConnectorError('unreachable', `${operation} was cancelled`, { cause: e });
  if ((err.code && NETWORK_ERROR_CODES.has(err.code)) || err.name === 'TimeoutError' || NETWORK_ERROR_CODES.has(err.name))
    return new ConnectorError('unreachable', `Cannot reach Cost Explorer: ${message}`, { cause: e });
  // The SDK reports a body it could not parse as a SyntaxError carrying the HTTP status.
  if (err.name === 'SyntaxError') {
    if (status !== undefined && status >= 500)
      return new ConnectorError('unreachable', `Cost Explorer answered HTTP ${status} with a body that is not JSON`, { cause: e });
    return new ConnectorError('unexpected_response', `${operation}: the response is not valid JSON (${firstLine(message)})`, {
      cause: e,
    });
  }
  if (status !== undefined && status >= 500)
    return new ConnectorError('unreachable', `Cost Explorer failed (HTTP ${status} ${err.name}): ${message}`, { cause: e });
  if (isThrottling(e))
    return new ConnectorError('unreachable', `${operation} is still throttled after retries (${err.name}): ${message}`, { cause: e });
  if (err.$fault) return new ConnectorError('unexpected_response', `${operation} failed (${err.name}): ${message}`, { cause: e });
  return new ConnectorError('unreachable', `${operation} failed: ${message}`, { cause: e });
}

export function payloadError(operation: string, error: z.ZodError): ConnectorError {
  const issue = error.issues[0];
  const path = issue && issue.path.length ? issue.path.join('.') : '(root)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return new ConnectorError(
    'unexpected_response',
    `${operation} returned an unexpected payload: ${path}: ${issue?.message ?? 'invalid'}${more}`,
    { cause: error },
  );
}

function firstLine(text: string) {
  return text.split('\n')[0];
}
