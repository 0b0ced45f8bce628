import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '@parley/contracts';
import type { Messages } from '../../lib/i18n/en';
import { Button } from '../ui/button';
import { LanguageSwitch } from './language-switch';

export type SiteHeaderUser = Pick<Me, 'name' | 'email' | 'workspaceAdmin' | 'departments'>;

type SiteHeaderProps = {
  user: SiteHeaderUser | null;
  /** How many of the user's notifications are unread, shown beside "Notifications". */
  unread?: number;
  /** How many alerts the user may see are open, shown beside "Alerts". */
  openAlerts?: number;
  /** The latest alert heard live, in one line, announced politely to screen readers. */
  alertAnnouncement?: string;
  onSignOut: () => void;
  signingOut: boolean;
  signOutFailed: boolean;
};

type NavItem = {
  to: string;
  /** The catalogue key of the link's words (a new page adds its name to `nav` in en.ts and cy.ts). */
  label: keyof Messages['nav'];
  matches: (path: string) => boolean;
  shownTo?: (user: SiteHeaderUser) => boolean;
};

// The inbox is also the home page, and a conversation is read from the inbox, so both light up "Inbox".
const NAV: NavItem[] = [
  {
    to: '/inbox',
    label: 'inbox',
    matches: (path: string) => path === '/' || path.startsWith('/inbox') || path.startsWith('/conversations'),
  },
  { to: '/rules', label: 'rules', matches: (path: string) => path.startsWith('/rules') },
  {
    to: '/clearance',
    label: 'clearance',
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
    label: 'dashboards',
    matches: (path: string) =>
      ['/dashboards', '/reports', '/evaluation-records', '/sentiment'].some((section) =>
        path.startsWith(section),
      ),
  },
  { to: '/sources', label: 'sources', matches: (path: string) => path.startsWith('/sources') },
  {
    to: '/people',
    label: 'people',
    matches: (path: string) => path.startsWith('/people'),
    // Only for those who manage some department's people (a workspace administrator manages them all).
    shownTo: (user: SiteHeaderUser) =>
      user.workspaceAdmin || user.departments.some((d) => d.permissions.includes('member.manage')),
  },
  {
    to: '/alerts',
    label: 'alerts',
    matches: (path: string) => path.startsWith('/alerts') || path.startsWith('/cases'),
  },
  {
    to: '/notifications',
    label: 'notifications',
    matches: (path: string) => path.startsWith('/notifications'),
  },
  {
    to: '/audit',
    label: 'audit',
    // The records-office export belongs with the audit log: the same people keep both.
    matches: (path: string) => path.startsWith('/audit') || path.startsWith('/records'),
    // For a department's admins and managers, and workspace administrators.
    shownTo: (user: SiteHeaderUser) =>
      user.workspaceAdmin || user.departments.some((d) => d.permissions.includes('audit.read')),
  },
  {
    to: '/privacy',
    label: 'privacy',
    matches: (path: string) => path.startsWith('/privacy'),
    // The data protection officer's page: subject requests, legal holds and retention.
    shownTo: (user: SiteHeaderUser) => user.workspaceAdmin,
  },
  { to: '/account', label: 'account', matches: (path: string) => path.startsWith('/account') },
];

/**
 * On a narrow screen the links fold behind a "Menu" button (the GOV.UK service navigation pattern), so the page
 * starts on the first screen; from 40em up the button is hidden and the links always show.
 */
type Counts = { unread: number; openAlerts: number };

/** The count beside a link, with its meaning in words for screen readers ("3 open"). */
const COUNTS: Partial<Record<string, { of: keyof Counts; words: 'unread' | 'open' }>> = {
  '/notifications': { of: 'unread', words: 'unread' },
  '/alerts': { of: 'openAlerts', words: 'open' },
};

const NavCount = ({ value, words }: { value: number; words: string }) =>
  value > 0 ? (
    <>
      {' '}
      <span className="site-nav__count">
        {value > 99 ? '99+' : value}
        <span className="visually-hidden">{words}</span>
      </span>
    </>
  ) : null;

const MainNav = ({ user, counts }: { user: SiteHeaderUser; counts: Counts }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <nav className="site-nav" aria-label={t('header.mainNav')}>
      <div className="width-container">
        <button
          type="button"
          className="site-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((was) => !was)}
        >
          {t('header.menu')}
        </button>
      </div>
      <ul id={listId} className={`site-nav__list width-container${open ? ' site-nav__list--open' : ''}`}>
        {NAV.filter((item) => item.shownTo?.(user) ?? true).map((item) => {
          const active = item.matches(pathname);
          // "page" only on the page itself; a conversation is inside the inbox section, so it gets "true".
          const exact = pathname === item.to || (item.to === '/inbox' && pathname === '/');
          const count = COUNTS[item.to];
          return (
            <li key={item.to}>
              <Link
                to={item.to}
                className={`site-nav__link${active ? ' site-nav__link--active' : ''}`}
                aria-current={exact ? 'page' : active ? 'true' : undefined}
                onClick={() => setOpen(false)}
              >
                {t(`nav.${item.label}`)}
                {count && (
                  <NavCount
                    value={counts[count.of]}
                    words={t(count.words === 'unread' ? 'header.unread' : 'header.open')}
                  />
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
};

export const SiteHeader = ({
  user,
  unread = 0,
  openAlerts = 0,
  alertAnnouncement = '',
  onSignOut,
  signingOut,
  signOutFailed,
}: SiteHeaderProps) => {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__bar width-container">
        <Link to="/" className="site-header__product">
          {t('header.product')}
        </Link>
        <LanguageSwitch />
        {user && (
          <div className="site-header__account">
            <span className="site-header__user">
              <span className="visually-hidden">{t('header.signedInAs')}</span>
              {user.name}
            </span>
            {user.workspaceAdmin && <span className="site-header__role">{t('header.workspaceAdmin')}</span>}
            <Button
              variant="link"
              className="site-header__sign-out"
              onClick={onSignOut}
              disabled={signingOut}
            >
              {signingOut ? t('header.signingOut') : t('header.signOut')}
            </Button>
          </div>
        )}
      </div>
      {user && <MainNav user={user} counts={{ unread, openAlerts }} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {alertAnnouncement}
      </p>
      {signOutFailed && (
        <p className="site-header__alert width-container" role="alert">
          {t('header.signOutFailed')}
        </p>
      )}
    </header>
  );
};
