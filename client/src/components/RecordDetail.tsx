import type { CombinedError } from '@urql/core';
import { Show, type Accessor, type JSX, type ParentComponent } from 'solid-js';
import type { CustomFieldEntity, TimelineEntryFragment } from '../gql/graphql';
import { recordError } from '../lib/record-page';
import { useSession } from '../lib/session';
import { AiPanel } from './ai/AiPanel';
import { Attachments } from './Attachments';
import { CustomValues } from './CustomValues';
import { ErrorNotice, Loading } from './States';
import { Timeline } from './Timeline';

type Kind = 'Contact' | 'Company' | 'Deal';
const ENTITY: Record<Kind, CustomFieldEntity> = { Contact: 'CONTACT', Company: 'COMPANY', Deal: 'DEAL' };
const NOTE_TARGET = { Contact: 'contactId', Company: 'companyId', Deal: 'dealId' } as const;

interface Props {
  kind: Kind;
  record: { id: string; timeline: { edges: Array<{ node: TimelineEntryFragment }> } };
  /** Reads the page again (after a file upload, which goes around the GraphQL client, or an AI action). */
  onChange: () => void;
}

/** A record page's body: its own fields (the children), then custom values, files and AI, beside the timeline. */
export const RecordDetail: ParentComponent<Props> = (props) => {
  const session = useSession();
  const items = () => props.record.timeline.edges.map((e) => e.node);
  return (
    <div class="detail">
      <div class="record">
        {props.children}
        <CustomValues entity={ENTITY[props.kind]} recordId={props.record.id} canEdit={session.can('records:update')} />
        <Attachments recordId={props.record.id} canUpload={session.can('files:upload')} onUploaded={props.onChange} />
        <AiPanel recordId={props.record.id} kind={props.kind} items={items()} onChange={props.onChange} />
      </div>
      <Timeline
        items={items()}
        noteTarget={{ [NOTE_TARGET[props.kind]]: props.record.id }}
        canWrite={session.can('records:create')}
        onChange={props.onChange}
      />
    </div>
  );
};

interface PageProps<T> {
  breadcrumb: JSX.Element;
  /** How the "gone or hidden" notice names the record. */
  noun: string;
  result: { fetching: boolean; data?: unknown; error?: CombinedError };
  record: T | null | undefined;
  onRetry: () => void;
  children: (record: Accessor<NonNullable<T>>) => JSX.Element;
}

/** A record page's frame: the breadcrumb, loading, the "gone or hidden" notice, then the record. */
export function RecordPage<T>(props: PageProps<T>) {
  return (
    <section class="page detail-page">
      <p class="breadcrumb">{props.breadcrumb}</p>
      <Show when={props.result.fetching && !props.result.data}>
        <Loading />
      </Show>
      <ErrorNotice message={recordError(props.result.error, props.noun)} onRetry={props.onRetry} />
      <Show when={props.record}>{(record) => props.children(record)}</Show>
    </section>
  );
}
