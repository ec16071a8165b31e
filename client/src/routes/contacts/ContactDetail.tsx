import { A } from '@solidjs/router';
import { Show, type Component } from 'solid-js';
import { CompanyField, CompanyPicker } from '../../components/CompanyPicker';
import { InlineField } from '../../components/InlineField';
import { RecordDetail, RecordPage } from '../../components/RecordDetail';
import { graphql } from '../../gql';
import type { ContactInput } from '../../gql/graphql';
import { formatDate, humanize } from '../../lib/format';
import { useRecordPage } from '../../lib/record-page';
import { LIFECYCLE_STAGES } from '../../lib/enums';

const ContactQuery = graphql(`
  query ContactDetail($id: ID!) {
    contact(id: $id) {
      id name firstName lastName jobTitle headline location lifecycleStage primaryEmail source
      company { id name }
      owner { id name }
      createdAt updatedAt
      timeline(first: 50) { edges { node { ...TimelineEntry } } }
    }
  }
`);

const UpdateContact = graphql(`
  mutation UpdateContact($id: ID!, $input: ContactInput!) {
    updateContact(id: $id, input: $input) {
      id name firstName lastName jobTitle headline location lifecycleStage primaryEmail updatedAt company { id name }
    }
  }
`);

const ContactDetail: Component = () => {
  const { result, reload, canEdit, save } = useRecordPage(ContactQuery, UpdateContact);

  return (
    <RecordPage breadcrumb={<A href="/contacts">Contacts</A>} noun="contact" result={result} record={result.data?.contact} onRetry={reload}>
      {(contact) => (
        <RecordDetail kind="Contact" record={contact()} onChange={reload}>
          <h1>{contact().name}</h1>
          <p class="muted">{[contact().jobTitle, contact().company?.name].filter(Boolean).join(' at ')}</p>
          <div class="fields">
            <InlineField label="First name" value={contact().firstName} canEdit={canEdit()} onSave={(v) => save({ firstName: v })} />
            <InlineField label="Last name" value={contact().lastName} canEdit={canEdit()} onSave={(v) => save({ lastName: v })} />
            <InlineField label="Email" type="email" value={contact().primaryEmail} canEdit={canEdit()} onSave={(v) => save({ primaryEmail: v || null })} />
            <InlineField label="Job title" value={contact().jobTitle} canEdit={canEdit()} onSave={(v) => save({ jobTitle: v || null })} />
            <InlineField label="Location" value={contact().location} canEdit={canEdit()} onSave={(v) => save({ location: v || null })} />
            <InlineField
              label="Stage"
              type="select"
              value={contact().lifecycleStage}
              display={humanize(contact().lifecycleStage)}
              options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: humanize(s) }))}
              canEdit={canEdit()}
              onSave={(v) => save({ lifecycleStage: v as ContactInput['lifecycleStage'] })}
            />
            <Show when={canEdit()} fallback={<CompanyField company={contact().company} />}>
              <CompanyPicker id="contact-company" value={contact().company?.id ?? ''} onChange={(id) => void save({ companyId: id || null })} />
            </Show>
            <InlineField label="Owner" value={contact().owner?.name} canEdit={false} onSave={() => Promise.resolve(null)} />
            <InlineField label="Created" value={formatDate(contact().createdAt)} canEdit={false} onSave={() => Promise.resolve(null)} />
          </div>
        </RecordDetail>
      )}
    </RecordPage>
  );
};

export default ContactDetail;
