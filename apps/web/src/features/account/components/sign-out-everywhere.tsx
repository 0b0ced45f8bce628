import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { useSignOutEverywhere } from '../api/sign-out-everywhere';

type SignOutEverywhereProps = {
  /** This browser's session has ended too: the page forgets who was signed in and goes to sign-in. */
  onSignedOut: () => void;
};

/** For a lost phone or a computer someone else used: every session ends, here too. */
export const SignOutEverywhere = ({ onSignedOut }: SignOutEverywhereProps) => {
  const [asking, setAsking] = useState(false);
  const signOut = useSignOutEverywhere({ onSuccess: onSignedOut });
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="heading-m">
        Sign out everywhere
      </h2>
      <p>
        If you lost a device, or signed in on a computer someone else uses, sign out everywhere: every place
        you are signed in, this one included, is signed out at once. Your API tokens keep working; revoke them
        below.
      </p>
      {signOut.isError && <ErrorPanel title="You were not signed out" error={signOut.error} />}
      <Button variant="secondary" onClick={() => setAsking(true)} disabled={signOut.isPending}>
        {signOut.isPending ? 'Signing out…' : 'Sign out everywhere'}
      </Button>
      <ConfirmDialog
        open={asking}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        destructive
        busy={signOut.isPending}
        onConfirm={() => signOut.mutate(undefined, { onSettled: () => setAsking(false) })}
        onCancel={() => setAsking(false)}
      >
        <p>You will be signed out here too, and need your password to sign in again.</p>
      </ConfirmDialog>
    </section>
  );
};
