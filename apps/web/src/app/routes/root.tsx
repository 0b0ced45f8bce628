import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertLiveEvent } from '@parley/contracts';
import { Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { SiteFooter } from '../../components/layout/site-footer';
import { SiteHeader } from '../../components/layout/site-header';
import { SkipLink } from '../../components/layout/skip-link';
import { useMe } from '../../features/auth/api/get-me';
import { useLogout } from '../../features/auth/api/logout';
import { useOpenAlertCount } from '../../features/alerts/api/get-alerts';
import { useCurrentElectionPeriod } from '../../features/election-periods/api/get-current-election-period';
import { ElectionPeriodBanner } from '../../features/election-periods/components/election-period-banner';
import { useUnreadCount } from '../../features/notifications/api/get-notifications';
import { useLiveUpdates } from '../../features/notifications/hooks/use-live-updates';

/**
 * After a client-side page change, screen readers would otherwise stay wherever the link was: move focus to
 * the new page's main content, as a full page load would (the skip link is then the next Tab stop back).
 */
const useFocusMainOnNavigate = () => {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main-content');
    // A page that has already put focus somewhere in itself (a success banner after a save) keeps it there.
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, [pathname]);
};

/**
 * An `alert` event's headline and status, or null for anything else. Checked by hand: the schema would bring zod
 * into the shell that every page loads first.
 */
const safeParseAlert = (data: string): Pick<AlertLiveEvent, 'headline' | 'status'> | null => {
  try {
    const event: unknown = JSON.parse(data);
    if (typeof event !== 'object' || event === null) return null;
    const { headline, status } = event as Record<string, unknown>;
    return typeof headline === 'string' && typeof status === 'string'
      ? { headline, status: status as AlertLiveEvent['status'] }
      : null;
  } catch {
    return null;
  }
};

export const RootLayout = () => {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout({ onSuccess: () => navigate('/sign-in', { replace: true }) });
  useFocusMainOnNavigate();
  const electionPeriod = useCurrentElectionPeriod({ enabled: Boolean(me.data) });
  const signedIn = Boolean(me.data);
  const [alertAnnouncement, setAlertAnnouncement] = useState('');
  const announceAlert = useCallback((data: string) => {
    const event = safeParseAlert(data);
    if (event?.status === 'open') setAlertAnnouncement(`New alert: ${event.headline}`);
  }, []);
  useLiveUpdates(signedIn, announceAlert);
  const unread = useUnreadCount(signedIn);
  const openAlerts = useOpenAlertCount(signedIn);

  return (
    <>
      <SkipLink />
      <SiteHeader
        user={me.data ?? null}
        unread={unread}
        openAlerts={openAlerts}
        alertAnnouncement={alertAnnouncement}
        onSignOut={() => logout.mutate()}
        signingOut={logout.isPending}
        signOutFailed={logout.isError}
      />
      {me.data && <ElectionPeriodBanner period={electionPeriod.data?.current ?? null} />}
      <div className="width-container">
        <main id="main-content" className="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <SiteFooter />
      <ScrollRestoration />
    </>
  );
};
