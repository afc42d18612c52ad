// Decides whether the production build is stale: a hash of the sources' paths, sizes and mtimes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// everything the build reads: the UI's strings and the Prisma schema (its generated client is bundled) too
const SOURCES = ['app', 'components', 'lib', 'messages', 'public', 'prisma/schema.prisma', 'proxy.ts', 'instrumentation.ts', 'instrumentation-client.ts', 'next.config.js', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];
const SKIP = new Set(['node_modules', '.next', 'generated']);

function walk(entry: string, out: string[]) {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(entry).sort()) if (!SKIP.has(name)) walk(path.join(entry, name), out);
  } else if (!/\.test\.tsx?$/.test(entry)) {
    out.push(`${entry}:${stat.size}:${Math.floor(stat.mtimeMs)}`);
  }
}

export function sourceStamp(root: string) {
  const lines: string[] = [];
  for (const s of SOURCES) walk(path.join(root, s), lines);
  return crypto.createHash('sha256').update(lines.join('\n')).digest('hex');
}

const stampFile = (root: string) => path.join(root, '.next', 'tourmalet-build-stamp');

export function buildIsCurrent(root: string) {
  const file = stampFile(root);
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || !fs.existsSync(file)) return false;
  return fs.readFileSync(file, 'utf8') === sourceStamp(root);
}

export function writeBuildStamp(root: string) {
  fs.writeFileSync(stampFile(root), sourceStamp(root));
}
