import { Route, Router } from '@solidjs/router';
import { Provider } from '@urql/solid';
import { createMemo, lazy, onCleanup, Show, type Component } from 'solid-js';
import { AppShell } from './components/AppShell';
import { createKithClient } from './lib/client';
import { SessionProvider } from './lib/session';
import { sessionEpoch, workspaceId } from './lib/workspace';

// Screens load on demand; the first paint needs only the shell and the sign-in form.
const SignIn = lazy(() => import('./routes/auth/SignIn'));
const SignUp = lazy(() => import('./routes/auth/SignUp'));
const VerifyEmail = lazy(() => import('./routes/auth/VerifyEmail'));
const ForgotPassword = lazy(() => import('./routes/auth/ForgotPassword'));
const ResetPassword = lazy(() => import('./routes/auth/ResetPassword'));
const AcceptInvitation = lazy(() => import('./routes/workspaces/AcceptInvitation'));
const CreateWorkspace = lazy(() => import('./routes/workspaces/CreateWorkspace'));
const Contacts = lazy(() => import('./routes/contacts/ContactsList'));
const Contact = lazy(() => import('./routes/contacts/ContactDetail'));
const Companies = lazy(() => import('./routes/companies/CompaniesList'));
const Company = lazy(() => import('./routes/companies/CompanyDetail'));
const Deals = lazy(() => import('./routes/deals/DealsList'));
const DealBoard = lazy(() => import('./routes/deals/DealBoard'));
const Deal = lazy(() => import('./routes/deals/DealDetail'));
const GettingStarted = lazy(() => import('./routes/start/GettingStarted'));
const Activities = lazy(() => import('./routes/activities/ActivitiesList'));
const Profile = lazy(() => import('./routes/settings/Profile'));
const Preferences = lazy(() => import('./routes/settings/Preferences'));
const Members = lazy(() => import('./routes/settings/Members'));
const WorkspaceSettings = lazy(() => import('./routes/settings/Workspace'));
const ApiKeys = lazy(() => import('./routes/settings/ApiKeys'));
const Webhooks = lazy(() => import('./routes/settings/webhooks/Webhooks'));
const CustomFields = lazy(() => import('./routes/settings/CustomFields'));
const Usage = lazy(() => import('./routes/settings/usage/Usage'));
const AuditLog = lazy(() => import('./routes/settings/audit-log/AuditLog'));
const WorkspaceExport = lazy(() => import('./routes/settings/Export'));
const WorkspaceImport = lazy(() => import('./routes/settings/Import'));
const Privacy = lazy(() => import('./routes/settings/privacy/Privacy'));
const Billing = lazy(() => import('./routes/settings/Billing'));
const ChannelsSettings = lazy(() => import('./routes/settings/Channels'));
const EmailTemplates = lazy(() => import('./routes/settings/EmailTemplates'));
const Feed = lazy(() => import('./routes/feed/Feed'));
const Duplicates = lazy(() => import('./routes/merge/Duplicates'));
const Forms = lazy(() => import('./routes/forms/FormsList'));
const FormEditor = lazy(() => import('./routes/forms/FormEditor'));
const PublicForm = lazy(() => import('./routes/forms/PublicForm'));
const NotFound = lazy(() => import('./routes/NotFound'));

export const App: Component = () => {
  // A new client (empty cache, fresh socket) whenever the session or the workspace changes.
  const current = createMemo(() => {
    sessionEpoch();
    const kith = createKithClient(workspaceId());
    onCleanup(kith.dispose);
    return kith;
  });
  return (
    <Show keyed when={current()}>
      {(kith) => (
        <Provider value={kith.client}>
          <SessionProvider>
            <Router>
              <Route path="/sign-in" component={SignIn} />
              <Route path="/sign-up" component={SignUp} />
              <Route path="/verify-email" component={VerifyEmail} />
              <Route path="/forgot-password" component={ForgotPassword} />
              <Route path="/reset-password" component={ResetPassword} />
              <Route path="/invitations/accept" component={AcceptInvitation} />
              {/* /forms/<key> itself is the server's JSON endpoint; the page people fill in lives at /f/<key>. */}
              <Route path="/f/:key" component={PublicForm} />
              <Route component={AppShell}>
                <Route path="/" component={Contacts} />
                <Route path="/contacts" component={Contacts} />
                <Route path="/contacts/:id" component={Contact} />
                <Route path="/companies" component={Companies} />
                <Route path="/companies/:id" component={Company} />
                <Route path="/deals" component={Deals} />
                <Route path="/deals/board" component={DealBoard} />
                <Route path="/deals/:id" component={Deal} />
                <Route path="/start" component={GettingStarted} />
                <Route path="/activities" component={Activities} />
                <Route path="/feed" component={Feed} />
                <Route path="/duplicates" component={Duplicates} />
                <Route path="/forms" component={Forms} />
                <Route path="/form/:id" component={FormEditor} />
                <Route path="/workspaces/new" component={CreateWorkspace} />
                <Route path="/settings" component={Profile} />
                <Route path="/settings/preferences" component={Preferences} />
                <Route path="/settings/members" component={Members} />
                <Route path="/settings/workspace" component={WorkspaceSettings} />
                <Route path="/settings/api-keys" component={ApiKeys} />
                <Route path="/settings/webhooks" component={Webhooks} />
                <Route path="/settings/custom-fields" component={CustomFields} />
                <Route path="/settings/usage" component={Usage} />
                <Route path="/settings/audit-log" component={AuditLog} />
                <Route path="/settings/export" component={WorkspaceExport} />
                <Route path="/settings/import" component={WorkspaceImport} />
                <Route path="/settings/privacy" component={Privacy} />
                <Route path="/settings/billing" component={Billing} />
                <Route path="/settings/channels" component={ChannelsSettings} />
                <Route path="/settings/templates" component={EmailTemplates} />
                <Route path="*" component={NotFound} />
              </Route>
            </Router>
          </SessionProvider>
        </Provider>
      )}
    </Show>
  );
};
