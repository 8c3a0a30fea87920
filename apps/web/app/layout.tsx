import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteHeader } from '../features/navigation/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ClockIn', template: '%s · ClockIn' },
  description: 'Part-time jobs for Ohio students aged 15 to 20, with verified local employers.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>ClockIn connects Ohio students aged 15 to 20 with verified local employers.</p>
          <p>
            <Link href="/security">Security and privacy</Link>
          </p>
        </footer>
      </body>
    </html>
  );
}
