import { createMutation } from '@urql/solid';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../lib/errors';

const UpdateWebhook = graphql(`
  mutation SetWebhookActive($id: ID!, $isActive: Boolean) { updateWebhook(id: $id, isActive: $isActive) { id isActive } }
`);
const RotateSecret = graphql(`
  mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id url } } }
`);
const DeleteWebhook = graphql(`
  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }
`);

/** A signing secret the server shows once, with the URL it signs for. */
export interface IssuedSecret {
  url: string;
  secret: string;
}

export type WebhookActions = ReturnType<typeof createWebhookActions>;

/** Pause or resume, new secret and delete: one state per kind of action for the whole list, one error line above it. */
export function createWebhookActions(on: { onIssued: (secret: IssuedSecret) => void; onChanged: () => void }) {
  const [update, setActive] = createMutation(UpdateWebhook);
  const [rotation, rotate] = createMutation(RotateSecret);
  const [deletion, remove] = createMutation(DeleteWebhook);
  return {
    update,
    rotation,
    deletion,
    error: () => errorMessage(update.error) ?? errorMessage(rotation.error) ?? errorMessage(deletion.error),
    setActive: (id: string, isActive: boolean) => void setActive({ id, isActive }).then(on.onChanged),
    rotate: async (id: string) => {
      const done = await rotate({ id });
      if (done.data) on.onIssued({ url: done.data.rotateWebhookSecret.webhook.url, secret: done.data.rotateWebhookSecret.secret });
    },
    remove: (id: string) => void remove({ id }).then(on.onChanged),
  };
}
