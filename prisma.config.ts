// Prisma CLI configuration: the bundled WebAssembly schema engine through the pg driver adapter,
// so migrations run without downloading an engine (see STACK.md).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { createMigrateAdapter } from './prisma/migrate-adapter';

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => createMigrateAdapter(process.env.DATABASE_URL ?? ''),
});
