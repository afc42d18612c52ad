// The one point every connector is called through (the registry holds only guarded connectors):
// whatever a test() reports or a fetch() throws leaves with the connection's own credential values
// scrubbed, in every form a scheme sends them, so a provider that echoes the request back cannot
// put them in a sync run, a log line or a Test connection answer. A new connector cannot forget it.
import { scrubError, scrubText, secretForms } from './scrub';
import type { TConnector } from './types';

export function guardConnector<S, C>(connector: TConnector<S, C>): TConnector<S, C> {
  return {
    ...connector,
    async test(config, options) {
      const forms = secretForms(config.credentials);
      try {
        const status = await connector.test(config, options);
        return { ...status, message: scrubText(status.message, forms) };
      } catch (error) {
        throw scrubError(error, forms);
      }
    },
    async fetch(config, ctx) {
      const forms = secretForms(config.credentials);
      const log: typeof ctx.log = (message, fields) => ctx.log(scrubText(message, forms), fields && scrubFields(fields, forms));
      try {
        return await connector.fetch(config, { ...ctx, log });
      } catch (error) {
        throw scrubError(error, forms);
      }
    },
  };
}

// The fields of a connector's log line, through their JSON text (the same forms a reader would see).
function scrubFields(fields: Record<string, unknown>, forms: readonly string[]): Record<string, unknown> {
  const text = scrubText(JSON.stringify(fields), forms);
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { fields: text };
  }
}
