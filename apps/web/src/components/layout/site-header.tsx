import { useId, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Me } from '@parley/contracts';
import { Button } from '../ui/button';

export type SiteHeaderUser = Pick<Me, 'name' | 'email' | 'workspaceAdmin' | 'departments'>;

type SiteHeaderProps = {
  user: SiteHeaderUser | null;
  /** How many of the user's notifications are unread, shown beside "Notifications". */
  unread?: number;
  onSignOut: () => void;
  signingOut: boolean;
  signOutFailed: boolean;
};

type NavItem = {
  to: string;
  label: string;
  matches: (path: string) => boolean;
  shownTo?: (user: SiteHeaderUser) => boolean;
};

// The inbox is also the home page, and a conversation is read from the inbox, so both light up "Inbox".
const NAV: NavItem[] = [
  {
    to: '/inbox',
    label: 'Inbox',
    matches: (path: string) => path === '/' || path.startsWith('/inbox') || path.startsWith('/conversations'),
  },
  { to: '/rules', label: 'Rules', matches: (path: string) => path.startsWith('/rules') },
  {
    to: '/clearance',
    label: 'Clearance',
    matches: (path: string) => path.startsWith('/clearance'),
    // For those who review drafts: policy officials, comms officers and managers (and workspace administrators).
    shownTo: (user: SiteHeaderUser) =>
      user.workspaceAdmin ||
      user.departments.some((d) => ['policy', 'comms', 'manager'].includes(d.role ?? '')),
  },
  // One entry for the figures: the three dashboards, the impact report, the evaluation records and the sentiment
  // check are listed on the page it opens and in the section's own navigation, so this bar stays short.
  {
    to: '/dashboards',
    label: 'Dashboards',
    matches: (path: string) =>
      ['/dashboards', '/reports', '/evaluation-records', '/sentiment'].some((section) =>
        path.startsWith(section),
      ),
  },
  { to: '/sources', label: 'Sources', matches: (path: string) => path.startsWith('/sources') },
  {
    to: '/people',
    label: 'People',
    matches: (path: string) => path.startsWith('/people'),
    // Only for those who manage some department's people (a workspace administrator manages them all).
    shownTo: (user: SiteHeaderUser) =>
      user.workspaceAdmin || user.departments.some((d) => d.permissions.includes('member.manage')),
  },
  {
    to: '/notifications',
    label: 'Notifications',
    matches: (path: string) => path.startsWith('/notifications'),
  },
  {
    to: '/audit',
    label: 'Audit log',
    matches: (path: string) => path.startsWith('/audit'),
    // For a department's admins and managers, and workspace administrators.
    shownTo: (user: SiteHeaderUser) =>
      user.workspaceAdmin || user.departments.some((d) => d.permissions.includes('audit.read')),
  },
  {
    to: '/privacy',
    label: 'Privacy',
    matches: (path: string) => path.startsWith('/privacy'),
    // The data protection officer's page: subject requests, legal holds and retention.
    shownTo: (user: SiteHeaderUser) => user.workspaceAdmin,
  },
  { to: '/account', label: 'Your account', matches: (path: string) => path.startsWith('/account') },
];

/**
 * On a narrow screen the links fold behind a "Menu" button (the GOV.UK service navigation pattern), so the page
 * starts on the first screen; from 40em up the button is hidden and the links always show.
 */
const MainNav = ({ user, unread }: { user: SiteHeaderUser; unread: number }) => {
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <nav className="site-nav" aria-label="Main">
      <div className="width-container">
        <button
          type="button"
          className="site-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((was) => !was)}
        >
          Menu
        </button>
      </div>
      <ul id={listId} className={`site-nav__list width-container${open ? ' site-nav__list--open' : ''}`}>
        {NAV.filter((item) => item.shownTo?.(user) ?? true).map((item) => {
          const active = item.matches(pathname);
          // "page" only on the page itself; a conversation is inside the inbox section, so it gets "true".
          const exact = pathname === item.to || (item.to === '/inbox' && pathname === '/');
          return (
            <li key={item.to}>
              <Link
                to={item.to}
                className={`site-nav__link${active ? ' site-nav__link--active' : ''}`}
                aria-current={exact ? 'page' : active ? 'true' : undefined}
                onClick={() => setOpen(false)}
              >
                {item.label}
                {item.to === '/notifications' && unread > 0 && (
                  <>
                    {' '}
                    <span className="site-nav__count">
                      {unread > 99 ? '99+' : unread}
                      <span className="visually-hidden"> unread</span>
                    </span>
                  </>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
};

export const SiteHeader = ({ user, unread = 0, onSignOut, signingOut, signOutFailed }: SiteHeaderProps) => (
  <header className="site-header">
    <div className="site-header__bar width-container">
      <Link to="/" className="site-header__product">
        Parley
      </Link>
      {user && (
        <div className="site-header__account">
          <span className="site-header__user">
            <span className="visually-hidden">Signed in as </span>
            {user.name}
          </span>
          {user.workspaceAdmin && <span className="site-header__role">Workspace administrator</span>}
          <Button variant="link" className="site-header__sign-out" onClick={onSignOut} disabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </Button>
        </div>
      )}
    </div>
    {user && <MainNav user={user} unread={unread} />}
    {signOutFailed && (
      <p className="site-header__alert width-container" role="alert">
        Sign out did not work. Try again, or close your browser to end the session.
      </p>
    )}
  </header>
);
