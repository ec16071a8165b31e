import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, type Component } from 'solid-js';
import { CompanyPicker } from '../../components/CompanyPicker';
import { Field } from '../../components/Field';
import { NewRecordForm } from '../../components/NewRecordForm';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';

const Create = graphql(`
  mutation CreateContact($input: ContactInput!) { createContact(input: $input) { id } }
`);

export const NewContact: Component = () => {
  const navigate = useNavigate();
  const [state, create] = createMutation(Create);
  const [form, setForm] = createSignal({ firstName: '', lastName: '', email: '', jobTitle: '', companyId: '' });
  const set = (key: keyof ReturnType<typeof form>) => (value: string) => setForm({ ...form(), [key]: value });
  const submit = async () => {
    const { email, companyId, jobTitle, ...names } = form();
    const input = { ...names, emails: email ? [email] : [], jobTitle: jobTitle || null, companyId: companyId || null };
    const result = await create({ input });
    const id = result.data?.createContact.id;
    if (id) navigate(`/contacts/${id}`);
  };
  return (
    <NewRecordForm label="New contact" submit="Create contact" busy={state.fetching} error={errorMessage(state.error)} onSubmit={() => void submit()}>
      <Field label="First name" required value={form().firstName} onInput={(e) => set('firstName')(e.currentTarget.value)} />
      <Field label="Last name" value={form().lastName} onInput={(e) => set('lastName')(e.currentTarget.value)} />
      <Field label="Email" type="email" value={form().email} onInput={(e) => set('email')(e.currentTarget.value)} />
      <Field label="Job title" value={form().jobTitle} onInput={(e) => set('jobTitle')(e.currentTarget.value)} />
      <CompanyPicker id="new-contact-company" value={form().companyId} onChange={set('companyId')} />
    </NewRecordForm>
  );
};
