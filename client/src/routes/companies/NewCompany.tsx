import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, type Component } from 'solid-js';
import { Field } from '../../components/Field';
import { NewRecordForm } from '../../components/NewRecordForm';
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
  const submit = async () => {
    const result = await create({ input: { name: name(), domain: domain() || null } });
    const id = result.data?.createCompany.id;
    if (id) navigate(`/companies/${id}`);
  };
  return (
    <NewRecordForm label="New company" submit="Create company" busy={state.fetching} error={errorMessage(state.error)} onSubmit={() => void submit()}>
      <Field label="Company name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      <Field label="Domain" placeholder="example.com" value={domain()} onInput={(e) => setDomain(e.currentTarget.value)} />
    </NewRecordForm>
  );
};
