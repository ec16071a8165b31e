import { createSignal, Show, type Component, type JSX, type ParentComponent } from 'solid-js';
import { SettingsFrame } from '../../components/SettingsNav';
import { EmptyState, Loading } from '../../components/States';
import { useSession } from '../../lib/session';

/** A secret the server shows only once: a read-only field, a copy button and a warning. */
export const SecretReveal: Component<{ label: string; secret: string; onDone: () => void; children?: JSX.Element }> = (props) => {
  const [copied, setCopied] = createSignal<'yes' | 'no' | null>(null);
  const id = `secret-${Math.random().toString(36).slice(2, 8)}`;
  let input: HTMLInputElement | undefined;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.secret);
      setCopied('yes');
    } catch {
      input?.select();
      setCopied('no');
    }
  };
  return (
    <div class="secret-reveal" role="region" aria-label="New secret, shown once">
      <p class="warning" id={`${id}-warning`}>
        <strong>Copy it now.</strong> This secret is shown only once; Kith keeps only a hash of it. {props.children}
      </p>
      <div class="field">
        <label for={id}>{props.label}</label>
        <div class="row">
          <input
            id={id}
            ref={input}
            class="secret"
            readOnly
            value={props.secret}
            aria-describedby={`${id}-warning`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => void copy()}>
            Copy<span class="visually-hidden"> the secret</span>
          </button>
        </div>
      </div>
      <p role="status" class="muted">
        {copied() === 'yes' ? 'Copied to the clipboard.' : copied() === 'no' ? 'Copying is blocked here: the secret is selected, copy it by hand.' : ''}
      </p>
      <button type="button" onClick={() => props.onDone()}>
        I have stored it
      </button>
    </div>
  );
};

/** A destructive action behind a second, explicit click (keyboard reachable, no modal). */
export const ConfirmButton: Component<{
  label: string;
  confirmLabel: string;
  question: string;
  busy?: boolean;
  onConfirm: () => void;
  hiddenSuffix?: string;
}> = (props) => {
  const [asking, setAsking] = createSignal(false);
  let confirm: HTMLButtonElement | undefined;
  let trigger: HTMLButtonElement | undefined;
  const stopAsking = () => {
    setAsking(false);
    trigger?.focus();
  };
  return (
    <Show
      when={asking()}
      fallback={
        <button
          ref={trigger}
          type="button"
          class="link-button danger"
          onClick={() => {
            setAsking(true);
            confirm?.focus();
          }}
        >
          {props.label}
          <Show when={props.hiddenSuffix}>
            <span class="visually-hidden"> {props.hiddenSuffix}</span>
          </Show>
        </button>
      }
    >
      <span class="confirm" role="group" aria-label={props.question} onKeyDown={(e) => e.key === 'Escape' && stopAsking()}>
        <span>{props.question}</span>{' '}
        <button
          ref={confirm}
          type="button"
          class="danger"
          disabled={props.busy}
          onClick={() => {
            stopAsking();
            props.onConfirm();
          }}
        >
          {props.confirmLabel}
        </button>{' '}
        <button type="button" onClick={stopAsking}>
          Cancel
        </button>
      </span>
    </Show>
  );
};

/** Shown instead of a screen the role may not use (the link is hidden too; this covers typed URLs). */
export const NotAllowed: Component<{ what: string; who?: string }> = (props) => (
  <EmptyState title={`Only workspace ${props.who ?? 'admins'} can see ${props.what}.`} />
);

/** Renders the screen only for roles holding `permission`; waits for the session first. */
export const Gate: ParentComponent<{ permission: string; what: string; who?: string }> = (props) => {
  const session = useSession();
  return (
    <Show when={session.me() !== undefined} fallback={<Loading />}>
      <Show when={session.can(props.permission)} fallback={<NotAllowed what={props.what} who={props.who} />}>
        {props.children}
      </Show>
    </Show>
  );
};

/** A settings screen for the roles holding `permission`: the settings frame, then the screen or why it is not shown. */
export function gatedScreen(gate: { title: string; permission: string; what: string }, Screen: Component): Component {
  return () => (
    <SettingsFrame title={gate.title}>
      <Gate permission={gate.permission} what={gate.what}>
        <Screen />
      </Gate>
    </SettingsFrame>
  );
}
