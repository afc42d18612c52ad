// Outside Next.js (CLI, worker, launcher, bench) every module runs on the server: resolve the
// 'server-only' marker package to its server build (empty), as Next.js does in server code.
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
  return next(specifier, context);
}`));
