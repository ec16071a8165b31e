import { createMutation } from '@urql/solid';
import { createSignal, For, type Component } from 'solid-js';
import { Disclosure } from '../../components/Disclosure';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/States';
import { graphql } from '../../gql';
import type { ActivityType } from '../../gql/graphql';
import { ACTIVITY_TYPES } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';
import { humanize } from '../../lib/format';

const Create = graphql(`
  mutation CreateActivity($input: ActivityInput!) { createActivity(input: $input) { id } }
`);

export const NewActivity: Component<{ onCreated: () => void }> = (props) => {
  const [state, create] = createMutation(Create);
  const [subject, setSubject] = createSignal('');
  const [type, setType] = createSignal<ActivityType>('TASK');
  const [due, setDue] = createSignal('');
  return (
    <Disclosure label="New activity">
      {(close) => (
        <form
          class="stack"
          aria-label="New activity"
          onSubmit={async (event) => {
            event.preventDefault();
            const dueAt = due() ? new Date(due()).toISOString() : null;
            const result = await create({ input: { subject: subject(), type: type(), dueAt } });
            if (result.error) return;
            // The next activity starts blank: a kept due date would silently carry over to it.
            setSubject('');
            setType('TASK');
            setDue('');
            close();
            props.onCreated();
          }}
        >
          <Field label="Subject" required value={subject()} onInput={(e) => setSubject(e.currentTarget.value)} />
          <div class="field">
            <label for="new-activity-type">Type</label>
            <select id="new-activity-type" value={type()} onChange={(e) => setType(e.currentTarget.value as ActivityType)}>
              <For each={ACTIVITY_TYPES}>{(t) => <option value={t}>{humanize(t)}</option>}</For>
            </select>
          </div>
          <Field label="Due" type="datetime-local" value={due()} onInput={(e) => setDue(e.currentTarget.value)} />
          <ErrorNotice message={errorMessage(state.error)} />
          <button type="submit" class="primary" disabled={state.fetching}>
            Create activity
          </button>
        </form>
      )}
    </Disclosure>
  );
};
