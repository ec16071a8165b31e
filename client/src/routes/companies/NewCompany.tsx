import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, type Component } from 'solid-js';
import { Disclosure } from '../../components/Disclosure';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';

const Create = graphql(`
  mutation CreateCompany($input: CompanyInput!) { createCompany(input: $input) { id } }
`);

export const NewCompany: Component = () => {
  const navigate = useNavigate();
  const [state, create] = createMutation(Create);
  const [name, setName] = createSignal('');
  const [domain, setDomain] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await create({ input: { name: name(), domain: domain() || null } });
    const id = result.data?.createCompany.id;
    if (id) navigate(`/companies/${id}`);
  };
  return (
    <Disclosure label="New company">
      {(close) => (
        <form class="stack" onSubmit={submit} aria-label="New company">
          <Field label="Company name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          <Field label="Domain" placeholder="example.com" value={domain()} onInput={(e) => setDomain(e.currentTarget.value)} />
          <ErrorNotice message={errorMessage(state.error)} />
          <div class="row">
            <button type="submit" class="primary" disabled={state.fetching}>
              Create company
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Disclosure>
  );
};
