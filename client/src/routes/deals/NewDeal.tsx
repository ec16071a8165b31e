import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, type Component } from 'solid-js';
import { CompanyPicker } from '../../components/CompanyPicker';
import { Field } from '../../components/Field';
import { NewRecordForm } from '../../components/NewRecordForm';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { toMinorUnits } from '../../lib/format';

const Create = graphql(`
  mutation CreateDeal($input: DealInput!) { createDeal(input: $input) { id } }
`);

export const NewDeal: Component<{ pipelineId?: string }> = (props) => {
  const navigate = useNavigate();
  const [state, create] = createMutation(Create);
  const [form, setForm] = createSignal({ name: '', amount: '', currency: 'USD', companyId: '' });
  const [localError, setLocalError] = createSignal<string | null>(null);
  const set = (key: keyof ReturnType<typeof form>) => (value: string) => setForm({ ...form(), [key]: value });
  const submit = async () => {
    const { name, amount, currency, companyId } = form();
    const amountMinor = amount ? toMinorUnits(amount, currency) : null;
    if (amount && amountMinor === null) return setLocalError(`Enter the amount as a number, e.g. 1200.50.`);
    setLocalError(null);
    const input = { name, currency, amountMinor, companyId: companyId || null, pipelineId: props.pipelineId ?? null };
    const result = await create({ input });
    const id = result.data?.createDeal.id;
    if (id) navigate(`/deals/${id}`);
  };
  return (
    <NewRecordForm label="New deal" submit="Create deal" busy={state.fetching} error={localError() ?? errorMessage(state.error)} onSubmit={() => void submit()}>
      <Field label="Deal name" required value={form().name} onInput={(e) => set('name')(e.currentTarget.value)} />
      <div class="row">
        <Field label="Amount" inputMode="decimal" value={form().amount} onInput={(e) => set('amount')(e.currentTarget.value)} />
        <Field label="Currency" maxLength={3} size={4} value={form().currency} onInput={(e) => set('currency')(e.currentTarget.value.toUpperCase())} />
      </div>
      <CompanyPicker id="new-deal-company" value={form().companyId} onChange={set('companyId')} />
    </NewRecordForm>
  );
};
