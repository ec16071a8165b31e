import { CustomValues } from '../../components/CustomValues';
import { A, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { Show, type Component } from 'solid-js';
import { CompanyPicker } from '../../components/CompanyPicker';
import { InlineField } from '../../components/InlineField';
import { ErrorNotice, Loading } from '../../components/States';
import { Attachments } from '../../components/Attachments';
import { Timeline } from '../../components/Timeline';
import { AiPanel } from '../../components/ai/AiPanel';
import { graphql } from '../../gql';
import type { ContactInput } from '../../gql/graphql';
import { formatDate, humanize } from '../../lib/format';
import { recordError, saveField } from '../../lib/record-page';
import { useSession } from '../../lib/session';
import { useRecordChanged } from '../../lib/live-record';
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
  const params = useParams();
  const session = useSession();
  const [result, refetch] = createQuery({ query: ContactQuery, variables: () => ({ id: params.id! }) });
  const [, update] = createMutation(UpdateContact);
  // Someone else's edit shows at once.
  useRecordChanged(() => params.id);
  const canEdit = () => session.can('records:update');
  const save = (input: ContactInput) => saveField(() => update({ id: params.id!, input }));

  return (
    <section class="page detail-page">
      <p class="breadcrumb">
        <A href="/contacts">Contacts</A>
      </p>
      <Show when={result.fetching && !result.data}>
        <Loading />
      </Show>
      <ErrorNotice message={recordError(result.error, 'contact')} onRetry={() => refetch()} />
      <Show when={result.data?.contact}>
        {(contact) => (
          <div class="detail">
            <div class="record">
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
                <Show
                  when={canEdit()}
                  fallback={
                    <InlineField
                      label="Company"
                      value={contact().company?.name}
                      display={contact().company && <A href={`/companies/${contact().company!.id}`}>{contact().company!.name}</A>}
                      canEdit={false}
                      onSave={() => Promise.resolve(null)}
                    />
                  }
                >
                  <CompanyPicker id="contact-company" value={contact().company?.id ?? ''} onChange={(id) => void save({ companyId: id || null })} />
                </Show>
                <InlineField label="Owner" value={contact().owner?.name} canEdit={false} onSave={() => Promise.resolve(null)} />
                <InlineField label="Created" value={formatDate(contact().createdAt)} canEdit={false} onSave={() => Promise.resolve(null)} />
              </div>
              <CustomValues entity="CONTACT" recordId={contact().id} canEdit={session.can('records:update')} />
              <Attachments recordId={contact().id} canUpload={session.can('files:upload')} onUploaded={() => refetch()} />
              <AiPanel recordId={contact().id} kind="Contact" items={contact().timeline.edges.map((e) => e.node)} onChange={() => refetch()} />
            </div>
            <Timeline
              items={contact().timeline.edges.map((e) => e.node)}
              noteTarget={{ contactId: contact().id }}
              canWrite={session.can('records:create')}
              onChange={() => refetch()}
            />
          </div>
        )}
      </Show>
    </section>
  );
};

export default ContactDetail;
