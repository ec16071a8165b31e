import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { Show, type Component } from 'solid-js';
import { graphql } from '../../gql';
import { useSession } from '../../lib/session';

const Available = graphql(`
  query ChannelsAvailable { channelsStatus { available } }
`);

/** The settings links to email and phone and to email templates, only once the server has a channel configured. */
export const ChannelsNavLink: Component = () => {
  const session = useSession();
  const [status] = createQuery({ query: Available, pause: () => !session.can('channels:send') });
  return (
    <Show when={session.can('channels:send') && status.data?.channelsStatus.available}>
      <A href="/settings/channels" activeClass="active">
        Email and phone
      </A>
      <A href="/settings/templates" activeClass="active">
        Email templates
      </A>
    </Show>
  );
};
