import type { Metadata } from 'next';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tourmalet', template: '%s · Tourmalet' },
  description: 'Cost and capacity planning for AWS, MongoDB Atlas, Redis and your CDN',
};

// Rendered per request, every page: the scripts carry the request's CSP nonce (see proxy.ts), which
// a page prerendered at build time could not know.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
