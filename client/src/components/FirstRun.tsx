import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import Circle from 'lucide-solid/icons/circle';
import CircleCheck from 'lucide-solid/icons/circle-check';
import FileUp from 'lucide-solid/icons/file-up';
import Sparkles from 'lucide-solid/icons/sparkles';
import UserPlus from 'lucide-solid/icons/user-plus';
import { For, Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { useSession } from '../lib/session';
import { toast } from '../lib/toast';
import { ErrorNotice } from './States';

// Shared by the paths and the checklist; a mutation returning the Workspace makes urql refetch it.
const FirstRunState = graphql(`
  query FirstRunState {
    workspace { id hasSampleData firstSteps { addedContact createdDeal invitedSomeone connectedEmail } }
  }
`);

const AddSample = graphql(`
  mutation AddSampleData { addSampleData { id hasSampleData } }
`);

/** A new workspace's three ways in: import a file, try sample data, invite the team. */
export const FirstRunPaths: Component<{ onChanged?: () => void }> = (props) => {
  const session = useSession();
  const [state] = createQuery({ query: FirstRunState });
  const [adding, addSample] = createMutation(AddSample);
  const add = async () => {
    const result = await addSample({});
    if (result.error) return;
    toast('Sample data added. It is tagged “Sample data” and stays out of exports until you keep it.');
    props.onChanged?.();
  };
  return (
    <div class="first-run">
      <ul class="paths" aria-label="Ways to start">
        <li class="path">
          <FileUp />
          <h2>Import a file</h2>
          <p>Bring contacts, companies and deals from a CSV or spreadsheet, or another CRM's export.</p>
          <A class="button primary" href="/settings/import">
            Import a file
          </A>
        </li>
        <li class="path">
          <Sparkles />
          <h2>Try sample data</h2>
          <p>A small made-up set, tagged “Sample data”: removable in one click and left out of exports.</p>
          <Show when={!state.data?.workspace?.hasSampleData} fallback={<p class="muted">Sample data is in this workspace.</p>}>
            <button type="button" disabled={adding.fetching || !session.can('workspace:settings')} onClick={() => void add()}>
              {adding.fetching ? 'Adding sample data…' : 'Add sample data'}
            </button>
          </Show>
        </li>
        <li class="path">
          <UserPlus />
          <h2>Invite your team</h2>
          <p>Colleagues join by email, each with a role: owner, admin, member or viewer.</p>
          <A class="button" href="/settings/members">
            Invite people
          </A>
        </li>
      </ul>
      <ErrorNotice message={errorMessage(adding.error)} />
    </div>
  );
};

const STEPS = [
  ['addedContact', 'Add a contact', '/contacts'],
  ['createdDeal', 'Create a deal', '/deals/board'],
  ['invitedSomeone', 'Invite someone', '/settings/members'],
  ['connectedEmail', 'Connect email', '/settings/channels'],
] as const;

/** First steps, ticked from the workspace's real records (sample data does not count). */
export const FirstStepsChecklist: Component = () => {
  const [state] = createQuery({ query: FirstRunState });
  const steps = () => state.data?.workspace?.firstSteps;
  const done = () => STEPS.filter(([key]) => steps()?.[key]).length;
  return (
    <Show when={steps()}>
      <section class="checklist" aria-labelledby="first-steps-title">
        <h2 id="first-steps-title">
          First steps{' '}
          <span class="count">
            {done()} of {STEPS.length} done
          </span>
        </h2>
        <progress max={STEPS.length} value={done()} aria-label="First steps done" />
        <ul>
          <For each={STEPS}>
            {([key, label, href]) => (
              <li classList={{ done: steps()?.[key] }}>
                {steps()?.[key] ? <CircleCheck /> : <Circle />}
                <A href={href}>{label}</A>
                <span class="visually-hidden">{steps()?.[key] ? '(done)' : '(to do)'}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
};
