// Every GraphQL part of the channels module, imported once from server/schema.ts.
import './email/email.graphql.js';
import './email/template-preview.graphql.js';
import './inbound/inbound.graphql.js';
import './imap/mailbox.graphql.js';
import './oauth/oauth.graphql.js';
import './twilio/phone.graphql.js';
import './channels-status.graphql.js';
