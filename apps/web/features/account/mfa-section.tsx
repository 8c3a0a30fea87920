import { TurnOffMfaForm, TurnOnMfaForm } from './mfa-forms';
import { readMfaStatus } from './mfa-status';

interface MfaSectionProps {
  accessToken: string;
  /** `on` or `off` right after the user changed the setting. */
  changed?: string;
}

/** Renders the account page's two-step sign-in settings: the current state and the switch the user may use. */
export async function MfaSection({ accessToken, changed }: MfaSectionProps) {
  const status = await readMfaStatus(accessToken);

  return (
    <section aria-labelledby="mfa-heading">
      <h2 id="mfa-heading">Two-step sign-in</h2>
      {changed === 'on' && status?.enabled && (
        <p role="status" className="notice notice-success">
          You turned on two-step sign-in. Next time you sign in, have your authenticator app ready.
        </p>
      )}
      {changed === 'off' && status && !status.enabled && (
        <p role="status" className="notice notice-success">
          You turned off two-step sign-in.
        </p>
      )}
      {status === null ? (
        <p className="notice notice-error">
          We could not load your two-step sign-in setting. Reload the page to try again.
        </p>
      ) : (
        <MfaSetting enabled={status.enabled} preferred={status.preferred} required={status.required} />
      )}
    </section>
  );
}

function MfaSetting({ enabled, preferred, required }: { enabled: boolean; preferred: boolean; required: boolean }) {
  if (required) {
    return (
      <p>
        Two-step sign-in is {enabled ? 'on' : 'not set up yet'}. Staff, employer admin and district admin accounts must
        use it, so it cannot be turned off. Each sign-in asks for a code from your authenticator app.
      </p>
    );
  }
  if (enabled) {
    return (
      <>
        <p>
          Two-step sign-in is on{preferred ? ', with your authenticator app' : ''}. Each sign-in asks for your password
          and a 6-digit code from the app.
        </p>
        <TurnOffMfaForm />
      </>
    );
  }
  return (
    <>
      <p>
        Two-step sign-in is off. Turn it on, and each sign-in also asks for a 6-digit code from an authenticator app on
        your phone, so a stolen password alone cannot open your account.
      </p>
      <TurnOnMfaForm />
    </>
  );
}
