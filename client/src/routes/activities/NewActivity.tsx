import { createMutation } from '@urql/solid';
import { createSignal, type Component } from 'solid-js';
import { Field, humanized, SelectField } from '../../components/Field';
import { NewRecordForm } from '../../components/NewRecordForm';
import { graphql } from '../../gql';
import type { ActivityType } from '../../gql/graphql';
import { ACTIVITY_TYPES } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';

const Create = graphql(`
  mutation CreateActivity($input: ActivityInput!) { createActivity(input: $input) { id } }
`);

export const NewActivity: Component<{ onCreated: () => void }> = (props) => {
  const [state, create] = createMutation(Create);
  const [subject, setSubject] = createSignal('');
  const [type, setType] = createSignal<ActivityType>('TASK');
  const [due, setDue] = createSignal('');
  return (
    <NewRecordForm
      label="New activity"
      submit="Create activity"
      cancellable={false}
      busy={state.fetching}
      error={errorMessage(state.error)}
      onSubmit={async (close) => {
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
      <SelectField id="new-activity-type" label="Type" value={type()} options={humanized(ACTIVITY_TYPES)} onChange={(t) => setType(t as ActivityType)} />
      <Field label="Due" type="datetime-local" value={due()} onInput={(e) => setDue(e.currentTarget.value)} />
    </NewRecordForm>
  );
};
