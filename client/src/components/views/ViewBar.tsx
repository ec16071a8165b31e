import { useSearchParams } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { createEffect, createSignal, For, on, Show, type Component } from 'solid-js';
import type { CustomFieldEntity } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { toast } from '../../lib/toast';
import { CreateView, DeleteView, SavedViews, StarView, UpdateView } from './view-documents';
import { viewInput, type ListState, type SavedView } from './view-state';

/**
 * The list's saved views: pick one (its id goes in the URL, so a link opens it for a colleague who may see it),
 * save the list's state into it, save as a new view, share, star as your default, delete.
 */
export const ViewBar: Component<{ list: CustomFieldEntity; noun: string; state: () => ListState; onOpen: (view: SavedView | null) => void }> = (props) => {
  const client = useClient();
  const session = useSession();
  const [params, setParams] = useSearchParams<{ view?: string }>();
  const [views] = createQuery({ query: SavedViews, variables: () => ({ list: props.list }) });
  const [naming, setNaming] = createSignal(false);
  const [name, setName] = createSignal('');
  const [share, setShare] = createSignal(false);
  const [missing, setMissing] = createSignal(false);
  const current = () => views.data?.savedViews.find((v) => v.id === params.view) ?? null;

  // A list opened without a view opens the one you starred.
  let defaulted = false;
  createEffect(() => {
    const list = views.data?.savedViews;
    if (!list || defaulted) return;
    defaulted = true;
    const starred = list.find((v) => v.isDefault);
    if (!params.view && starred) setParams({ view: starred.id }, { replace: true });
  });
  // The query's data is a store updated in place: follow the ids and versions of the views, not the object.
  const versions = () => views.data?.savedViews.map((v) => `${v.id}:${JSON.stringify(v.filter)}:${JSON.stringify(v.sort)}`).join(',');
  createEffect(
    on(
      () => [params.view, versions()] as const,
      ([id, loaded]) => {
        if (loaded === undefined) return;
        const view = id ? (views.data?.savedViews.find((v) => v.id === id) ?? null) : null;
        setMissing(Boolean(id) && !view);
        props.onOpen(view);
      },
    ),
  );

  const run = async (work: () => Promise<{ error?: unknown }>, done: string) => {
    const result = await work();
    if (result.error) return toast(errorMessage(result.error as never) ?? 'Could not save the view.', 'error');
    toast(done);
  };
  const save = () => run(() => client.mutation(UpdateView, { id: current()!.id, input: viewInput(props.list, props.state()) }).toPromise(), 'View saved.');
  const saveAs = async (event: Event) => {
    event.preventDefault();
    const result = await client
      .mutation(CreateView, { input: { list: props.list, name: name(), shared: share(), ...viewInput(props.list, props.state()) } })
      .toPromise();
    if (result.error) return toast(errorMessage(result.error) ?? 'Could not save the view.', 'error');
    setNaming(false);
    setName('');
    setParams({ view: result.data!.createSavedView.id });
    toast('View saved.');
  };
  const toggleShare = () =>
    run(
      () => client.mutation(UpdateView, { id: current()!.id, input: { shared: !current()!.shared } }).toPromise(),
      current()!.shared ? 'View made private.' : 'View shared with the workspace.',
    );
  const star = () =>
    run(
      () => client.mutation(StarView, { list: props.list, id: current()?.isDefault ? null : current()!.id }).toPromise(),
      current()?.isDefault ? 'Default view cleared.' : 'Default view set.',
    );
  const remove = async () => {
    const id = current()!.id;
    await run(() => client.mutation(DeleteView, { id }).toPromise(), 'View deleted.');
    setParams({ view: undefined });
  };

  return (
    <div class="view-bar" role="group" aria-label="Saved views">
      <div class="field inline">
        <label for={`${props.list}-view`}>View</label>
        <select id={`${props.list}-view`} value={params.view ?? ''} onChange={(e) => setParams({ view: e.currentTarget.value || undefined })}>
          <option value="">All {props.noun}</option>
          <For each={views.data?.savedViews}>
            {(v) => (
              <option value={v.id} selected={v.id === params.view}>{`${v.name}${v.shared ? ' (shared)' : ''}${v.isDefault ? ' ★' : ''} · ${v.count}`}</option>
            )}
          </For>
        </select>
      </div>
      <Show when={missing()}>
        <p class="hint" role="status">
          This view does not exist or is private to someone else.
        </p>
      </Show>
      <Show when={current()}>
        {(view) => (
          <>
            <Show when={view().canEdit}>
              <button type="button" onClick={save}>
                Save view
              </button>
            </Show>
            <Show when={view().ownedByViewer && session.can('views:share')}>
              <button type="button" onClick={toggleShare}>
                {view().shared ? 'Make private' : 'Share'}
              </button>
            </Show>
            <button type="button" aria-pressed={view().isDefault} onClick={star}>
              {view().isDefault ? 'Unstar' : 'Star as default'}
            </button>
            <Show when={view().canEdit}>
              <button type="button" class="danger" onClick={remove}>
                Delete view
              </button>
            </Show>
            <Show when={view().missingFields.length > 0}>
              <p class="hint">Left out, their fields are deleted: {view().missingFields.join(', ')}.</p>
            </Show>
          </>
        )}
      </Show>
      <Show when={session.can('views:save')}>
        <Show
          when={naming()}
          fallback={
            <button type="button" onClick={() => setNaming(true)}>
              Save as…
            </button>
          }
        >
          <form class="inline-form" onSubmit={saveAs}>
            <div class="field inline">
              <label for={`${props.list}-view-name`}>View name</label>
              <input id={`${props.list}-view-name`} required maxLength={100} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <Show when={session.can('views:share')}>
              <label class="check">
                <input type="checkbox" checked={share()} onChange={(e) => setShare(e.currentTarget.checked)} /> Share with the workspace
              </label>
            </Show>
            <button type="submit">Save</button>
            <button type="button" onClick={() => setNaming(false)}>
              Cancel
            </button>
          </form>
        </Show>
      </Show>
    </div>
  );
};
