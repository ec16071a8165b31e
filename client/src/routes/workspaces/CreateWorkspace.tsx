import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, type Component } from 'solid-js';
import { Field } from '../../components/Field';
import { FormSubmit } from '../../components/FormActions';
import { graphql } from '../../gql';
import { useSession } from '../../lib/session';

const Create = graphql(`
  mutation CreateWorkspace($name: String!) {
    createWorkspace(name: $name) { id name }
  }
`);

const CreateWorkspace: Component = () => {
  const navigate = useNavigate();
  const session = useSession();
  const [state, create] = createMutation(Create);
  const [name, setName] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await create({ name: name() });
    const created = result.data?.createWorkspace;
    if (!created) return;
    navigate('/contacts');
    await session.switchTo(created.id);
  };
  return (
    <section class="page narrow">
      <h1>New workspace</h1>
      <p>A workspace keeps its own contacts, companies, deals and members. You will be its owner.</p>
      <form onSubmit={submit} class="stack">
        <Field label="Workspace name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        <FormSubmit state={state}>Create workspace</FormSubmit>
      </form>
    </section>
  );
};

export default CreateWorkspace;
