import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './modules/accounts/user.types.js';
import './modules/accounts/sign-up.js';
import './modules/accounts/sign-in.js';
import './modules/accounts/email.mutations.js';
import './modules/accounts/password.mutations.js';
import './modules/accounts/profile.mutations.js';
import './modules/workspaces/workspace.types.js';
import './modules/workspaces/workspace.queries.js';
import './modules/workspaces/workspace.mutations.js';
import './modules/workspaces/members.mutations.js';
import './modules/workspaces/invitations.mutations.js';

export const schema = builder.toSchema();
export const sortedSchema = () => lexicographicSortSchema(schema);
