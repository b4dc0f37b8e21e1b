'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { ThemeSwitch } from './ThemeSwitch';

const LINKS = [
  {
    href: '/',
    label: 'Course',
    isCurrent: (path: string) => path === '/' || path.startsWith('/lessons/'),
  },
  {
    href: '/playground',
    label: 'Playground',
    isCurrent: (path: string) => path.startsWith('/playground'),
  },
  {
    href: '/settings',
    label: 'Settings',
    isCurrent: (path: string) => path.startsWith('/settings'),
  },
];

/** Site header: brand, main navigation (current page marked), theme switch. */
export function SiteHeader() {
  const pathname = usePathname() ?? '/';
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand" aria-label="Layerlab home">
          <svg className="brand__mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 3 3 7.5l9 4.5 9-4.5L12 3Z" fill="currentColor" opacity="0.9" />
            <path d="m3 12 9 4.5 9-4.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
            <path d="m3 16.5 9 4.5 9-4.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          </svg>
          <span>Layerlab</span>
        </Link>
        <nav className="site-nav" aria-label="Main">
          <ul>
            {LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href} aria-current={link.isCurrent(pathname) ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="site-header__end">
          <ThemeSwitch />
        </div>
      </div>
    </header>
  );
}
