import { useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch, type Component } from 'solid-js';
import { AuthPage } from '../../components/AuthPage';
import { ErrorNotice, Loading } from '../../components/States';
import '../../components/panels.css';

interface PublicField {
  key: string;
  label: string;
  type: 'TEXT' | 'EMAIL' | 'PHONE' | 'TEXTAREA' | 'SELECT' | 'CHECKBOX';
  required: boolean;
  options?: string[];
}

/** Bots fill every input; people never see this one (the server accepts and drops such submissions). */
const HONEYPOT = 'website_url';

async function loadForm(key: string): Promise<PublicField[] | null> {
  const response = await fetch(`/forms/${encodeURIComponent(key)}`, { headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { fields: PublicField[] }).fields;
}

/** A form's public page: no sign-in, outside the app shell, posting to the server's public form endpoint. */
const PublicForm: Component = () => {
  const params = useParams();
  const [fields, { refetch }] = createResource(() => params.key, loadForm);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal<string | null>(null);
  const [sending, setSending] = createSignal(false);
  const [sent, setSent] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const values: Record<string, string | boolean> = {};
    for (const field of fields() ?? []) {
      if (field.type === 'CHECKBOX') values[field.key] = data.get(field.key) === 'on';
      else if (String(data.get(field.key) ?? '') !== '') values[field.key] = String(data.get(field.key));
    }
    const trap = String(data.get(HONEYPOT) ?? '');
    if (trap) values[HONEYPOT] = trap;
    setSending(true);
    setMessage(null);
    try {
      const response = await fetch(`/forms/${encodeURIComponent(params.key!)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(values),
      });
      const body = (await response.json().catch(() => ({}))) as { message?: string; fieldErrors?: { field: string; message: string }[] };
      if (response.ok) return setSent(true);
      setErrors(Object.fromEntries((body.fieldErrors ?? []).map((e) => [e.field, e.message])));
      setMessage(body.message ?? 'The form could not be sent. Try again.');
    } catch {
      setMessage('The form could not be sent. Check your connection and try again.');
    } finally {
      setSending(false);
    }
  };

  return (
    <AuthPage title="Get in touch">
      <Switch>
        <Match when={fields.loading}>
          <Loading />
        </Match>
        <Match when={fields.error != null}>
          <ErrorNotice message="This form cannot be loaded right now." onRetry={refetch} />
        </Match>
        <Match when={fields() === null}>
          <p>This form does not exist or no longer takes answers.</p>
        </Match>
        <Match when={sent()}>
          <p role="status">Thank you! Your answers were sent.</p>
        </Match>
        <Match when={fields()}>
          {(list) => (
            <form class="stack" onSubmit={submit} novalidate>
              <For each={list()}>{(field) => <PublicInput field={field} error={errors()[field.key]} />}</For>
              <div class="honeypot" aria-hidden="true">
                <label for={HONEYPOT}>Leave this field empty</label>
                <input id={HONEYPOT} name={HONEYPOT} type="text" tabIndex={-1} autocomplete="off" />
              </div>
              <ErrorNotice message={message()} />
              <button type="submit" class="primary" disabled={sending()}>
                Send
              </button>
            </form>
          )}
        </Match>
      </Switch>
    </AuthPage>
  );
};

const INPUT_TYPES = { TEXT: 'text', EMAIL: 'email', PHONE: 'tel' } as const;

const PublicInput: Component<{ field: PublicField; error?: string }> = (props) => {
  const id = `f-${props.field.key}`;
  const described = () => (props.error ? `${id}-error` : undefined);
  const label = () => `${props.field.label}${props.field.required ? ' (required)' : ''}`;
  return (
    <div class="field">
      <Switch
        fallback={
          <>
            <label for={id}>{label()}</label>
            <input
              id={id}
              name={props.field.key}
              type={INPUT_TYPES[props.field.type as keyof typeof INPUT_TYPES] ?? 'text'}
              required={props.field.required}
              aria-invalid={Boolean(props.error)}
              aria-describedby={described()}
              autocomplete={props.field.type === 'EMAIL' ? 'email' : props.field.type === 'PHONE' ? 'tel' : undefined}
            />
          </>
        }
      >
        <Match when={props.field.type === 'TEXTAREA'}>
          <label for={id}>{label()}</label>
          <textarea
            id={id}
            name={props.field.key}
            rows={4}
            required={props.field.required}
            aria-invalid={Boolean(props.error)}
            aria-describedby={described()}
          />
        </Match>
        <Match when={props.field.type === 'SELECT'}>
          <label for={id}>{label()}</label>
          <select id={id} name={props.field.key} required={props.field.required} aria-invalid={Boolean(props.error)} aria-describedby={described()}>
            <option value="">Choose…</option>
            <For each={props.field.options ?? []}>{(option) => <option value={option}>{option}</option>}</For>
          </select>
        </Match>
        <Match when={props.field.type === 'CHECKBOX'}>
          <label class="check">
            <input id={id} name={props.field.key} type="checkbox" aria-describedby={described()} /> {label()}
          </label>
        </Match>
      </Switch>
      <Show when={props.error}>
        <small id={`${id}-error`} class="error-text">
          {props.error}
        </small>
      </Show>
    </div>
  );
};

export default PublicForm;
