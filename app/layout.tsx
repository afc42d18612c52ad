import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tourmalet', template: '%s · Tourmalet' },
  description: 'Cost and capacity planning for AWS, MongoDB Atlas, Redis and your CDN',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
