import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';
import { ProgressNotice } from '@/components/ProgressNotice';
import { RoomBanner } from '@/components/rooms/RoomBanner';
import { SiteHeader } from '@/components/SiteHeader';
import { themeScript } from '@/components/theme';

export const metadata: Metadata = {
  title: { default: 'Layerlab: make Docker images small by doing it', template: '%s · Layerlab' },
  description:
    'Seven hands-on lessons and a capstone on shrinking Docker images, with a live size estimate from measured data. Runs entirely in your browser.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#12151b' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render per request: Next.js can only put the policy's fresh nonce (proxy.ts) on the inline
  // scripts of a page it renders for that request; a page prerendered at build would carry none
  // and its scripts would be blocked.
  await connection();
  return (
    // The theme script sets data-theme before hydration, so the attribute differs from the server's.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <RoomBanner />
        <ProgressNotice />
        <main id="main" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            Layerlab runs in your browser: no Docker engine, no account. Nothing leaves it unless
            you make a short link, publish to a gallery or join a room. Sizes are estimates from
            measured data.
          </div>
        </footer>
      </body>
    </html>
  );
}
