// What the template editor shows beside the text: the subject and body merged with a sample contact (and
// the viewer as sender), the merge fields there are, and any unknown ones, by the same rules as sending.
import { builder } from '../../../builder.js';
import { inWorkspace } from '../../../auth/field-scopes.js';
import { requireViewer } from '../../accounts/session.service.js';
import { MAX_LONG_TEXT, shortText } from '../../records/common.types.js';
import { requireWorkspaceId } from '../../workspaces/workspace.service.js';
import { MERGE_FIELDS, renderMerge, unknownMergeFields, type MergeValues } from './merge-fields.js';

interface PreviewShape {
  workspaceId: string;
  subject: string;
  body: string;
  values: MergeValues;
}

const SAMPLE: Omit<MergeValues, 'sender'> = {
  contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', jobTitle: 'Analyst' },
  company: { name: 'Analytical Engines Ltd' },
  deal: { name: 'Difference engine' },
};

const EmailTemplatePreview = builder.objectRef<PreviewShape>('EmailTemplatePreview').implement({
  description: "A template's text merged with a sample contact (Ada Lovelace of Analytical Engines Ltd) and you as the sender.",
  authScopes: (shape) => ({ can: { workspaceId: shape.workspaceId, permission: 'records:read' } }),
  fields: (t) => ({
    subject: t.string({ resolve: (shape) => renderMerge(shape.subject, shape.values).trim() }),
    body: t.string({ resolve: (shape) => renderMerge(shape.body, shape.values) }),
    unknownFields: t.stringList({
      description: 'Names in {{...}} that are not merge fields: saving or sending this text is refused until they are fixed.',
      resolve: (shape) => [...new Set([...unknownMergeFields(shape.subject), ...unknownMergeFields(shape.body)])],
    }),
    mergeFields: t.stringList({ description: 'Every merge field, as written between {{ and }}.', resolve: () => MERGE_FIELDS }),
  }),
});

builder.queryField('emailTemplatePreview', (t) =>
  t.field({
    type: EmailTemplatePreview,
    args: {
      workspaceId: t.arg.id({ required: false }),
      subject: t.arg.string({ required: false, validate: shortText('Subject', 998) }),
      body: t.arg.string({ validate: shortText('Body', MAX_LONG_TEXT) }),
    },
    authScopes: inWorkspace('records:read'),
    resolve: (_root, args, ctx) => {
      const { user } = requireViewer(ctx);
      return {
        workspaceId: requireWorkspaceId(ctx, args.workspaceId),
        subject: args.subject ?? '',
        body: args.body,
        values: { ...SAMPLE, sender: { name: user.name, email: user.email } },
      };
    },
  }),
);
