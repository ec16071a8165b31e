import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDate, humanize } from '../../lib/format';
import { useSession } from '../../lib/session';
import '../../components/panels.css';

const DuplicateSuggestions = graphql(`
  query DuplicateSuggestions {
    duplicateContacts {
      reasons
      a { id name primaryEmail company { id name } createdAt }
      b { id name primaryEmail company { id name } createdAt }
    }
    duplicateCompanies {
      reasons
      a { id name domain createdAt }
      b { id name domain createdAt }
    }
  }
`);

const MergeContacts = graphql(`
  mutation MergeContacts($survivorId: ID!, $duplicateIds: [ID!]!) { mergeContacts(survivorId: $survivorId, duplicateIds: $duplicateIds) { id name } }
`);
const MergeCompanies = graphql(`
  mutation MergeCompanies($survivorId: ID!, $duplicateIds: [ID!]!) { mergeCompanies(survivorId: $survivorId, duplicateIds: $duplicateIds) { id name } }
`);

interface Side {
  id: string;
  name: string;
  detail: string;
  createdAt: string;
}
interface Pair {
  a: Side;
  b: Side;
  reasons: string[];
}

/** A name with what tells two same-named records apart. */
const describe = (side: Side) => (side.detail ? `${side.name} (${side.detail.split(' · ')[0]})` : side.name);

/** Suggested duplicate contacts and companies: pick the record to keep, confirm, merge. */
const Duplicates: Component = () => {
  const session = useSession();
  const [result, refetch] = createQuery({ query: DuplicateSuggestions });
  const [kind, setKind] = createSignal<'contacts' | 'companies'>('contacts');
  const [done, setDone] = createSignal<string | null>(null);
  const [, mergeContacts] = createMutation(MergeContacts);
  const [, mergeCompanies] = createMutation(MergeCompanies);
  const reload = () => refetch();

  const pairs = (): Pair[] => {
    const data = result.data;
    if (!data) return [];
    return kind() === 'contacts'
      ? data.duplicateContacts.map((p) => ({
          reasons: p.reasons,
          a: { ...p.a, detail: [p.a.primaryEmail, p.a.company?.name].filter(Boolean).join(' · ') },
          b: { ...p.b, detail: [p.b.primaryEmail, p.b.company?.name].filter(Boolean).join(' · ') },
        }))
      : data.duplicateCompanies.map((p) => ({ reasons: p.reasons, a: { ...p.a, detail: p.a.domain ?? '' }, b: { ...p.b, detail: p.b.domain ?? '' } }));
  };
  const merge = async (survivor: Side, duplicate: Side) => {
    const vars = { survivorId: survivor.id, duplicateIds: [duplicate.id] };
    const merged = kind() === 'contacts' ? await mergeContacts(vars) : await mergeCompanies(vars);
    if (merged.error) return errorMessage(merged.error);
    setDone(`${describe(duplicate)} was merged into ${describe(survivor)}.`);
    return null;
  };

  return (
    <section class="page">
      <h1>Duplicates</h1>
      <p class="muted">Records that look like the same person or company. Merging keeps one and moves everything linked to the other onto it.</p>
      <div class="subnav" role="group" aria-label="Kind of record">
        <button type="button" class="link-button" aria-pressed={kind() === 'contacts'} onClick={() => setKind('contacts')}>
          Contacts <span class="count">{result.data?.duplicateContacts.length ?? ''}</span>
        </button>
        <button type="button" class="link-button" aria-pressed={kind() === 'companies'} onClick={() => setKind('companies')}>
          Companies <span class="count">{result.data?.duplicateCompanies.length ?? ''}</span>
        </button>
      </div>
      <p role="status" class="muted">
        {done()}
      </p>
      <Show when={result.fetching && !result.data}>
        <Loading />
      </Show>
      <ErrorNotice message={errorMessage(result.error)} onRetry={reload} />
      <Show when={result.data && pairs().length === 0}>
        <EmptyState title={`No duplicate ${kind()} found.`} />
      </Show>
      <ul class="pairs">
        <For each={pairs()}>{(pair) => <PairCard pair={pair} kind={kind()} canMerge={session.can('records:merge')} onMerge={merge} />}</For>
      </ul>
    </section>
  );
};

const PairCard: Component<{
  pair: Pair;
  kind: 'contacts' | 'companies';
  canMerge: boolean;
  onMerge: (survivor: Side, duplicate: Side) => Promise<string | null>;
}> = (props) => {
  const [keep, setKeep] = createSignal<'a' | 'b'>('a');
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const survivor = () => props.pair[keep()];
  const duplicate = () => props.pair[keep() === 'a' ? 'b' : 'a'];
  const name = `keep-${props.pair.a.id}-${props.pair.b.id}`.replace(/\W/g, '');
  const base = props.kind === 'contacts' ? '/contacts/' : '/companies/';
  const confirm = async () => {
    setBusy(true);
    const failure = await props.onMerge(survivor(), duplicate());
    setBusy(false);
    setError(failure);
    if (!failure) setConfirming(false);
  };
  const side = (which: 'a' | 'b') => {
    const record = props.pair[which];
    return (
      <label class="choice">
        <Show when={props.canMerge}>
          <input
            type="radio"
            name={name}
            value={which}
            checked={keep() === which}
            onChange={() => setKeep(which)}
            aria-label={`Keep ${record.name} (${record.detail || formatDate(record.createdAt)})`}
          />
        </Show>
        <span>
          <A href={`${base}${record.id}`}>{record.name}</A>
          <br />
          <span class="muted">
            {record.detail || '—'} · added {formatDate(record.createdAt)}
          </span>
        </span>
      </label>
    );
  };
  return (
    <li class="pair">
      <fieldset>
        <legend>
          {props.canMerge ? 'Keep which one?' : 'Possible duplicates'} <span class="muted">({props.pair.reasons.map(humanize).join(', ')})</span>
        </legend>
        {side('a')}
        {side('b')}
      </fieldset>
      <Show when={props.canMerge}>
        <Show
          when={confirming()}
          fallback={
            <button type="button" onClick={() => setConfirming(true)}>
              Merge…
            </button>
          }
        >
          <div class="confirm" role="group" aria-label="Confirm merge">
            <p>
              Merge <strong>{describe(duplicate())}</strong> into <strong>{describe(survivor())}</strong>? The first is removed; its notes, deals, files and
              history move to the one you keep. This cannot be undone.
            </p>
            <div class="row">
              <button type="button" class="danger" disabled={busy()} onClick={() => void confirm()} ref={(el) => queueMicrotask(() => el.focus())}>
                Confirm merge
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        </Show>
        <ErrorNotice message={error()} />
      </Show>
    </li>
  );
};

export default Duplicates;
