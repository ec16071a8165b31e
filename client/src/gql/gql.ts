/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment FeedEventFields on ActivityEvent { id cursor sequence verb entityType entityId actorId actorApiKeyId changes createdAt }\n": typeof types.FeedEventFieldsFragmentDoc,
    "\n  query FeedHistory($first: Int!) {\n    activityEvents(first: $first) { edges { node { ...FeedEventFields } } }\n    workspace { id members { id user { id name } } }\n  }\n": typeof types.FeedHistoryDocument,
    "\n  subscription FeedLive($after: String, $workspaceId: ID) { activityFeed(after: $after, workspaceId: $workspaceId) { ...FeedEventFields } }\n": typeof types.FeedLiveDocument,
    "\n  query FeedRecords($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Contact { id name }\n      ... on Company { id name }\n      ... on Deal { id name }\n      ... on Form { id name }\n      ... on Attachment { id name }\n      ... on Note { id body contact { id } company { id } deal { id } }\n      ... on Activity { id subject contact { id } company { id } deal { id } }\n      ... on Comment { id body deal { id } note { contact { id } company { id } deal { id } } }\n    }\n  }\n": typeof types.FeedRecordsDocument,
    "\n  mutation SignOut { signOut }\n": typeof types.SignOutDocument,
    "\n  query RecordFiles($recordId: ID!) {\n    attachments(recordId: $recordId, first: 50) {\n      totalCount\n      edges { node { id name size contentType downloadUrl createdAt uploadedBy { id name } } }\n    }\n  }\n": typeof types.RecordFilesDocument,
    "\n  query BillingNotice { billingNotice { kind graceDaysLeft limit percentUsed } }\n": typeof types.BillingNoticeDocument,
    "\n  mutation BulkDeleteRecords($ids: [ID!]!) { bulkDeleteRecords(ids: $ids) { count } }\n": typeof types.BulkDeleteRecordsDocument,
    "\n  query BulkChoices($deals: Boolean!) {\n    workspace { id members { id user { id name } } }\n    tags { id name }\n    pipelines @include(if: $deals) { id name stages { id name } }\n  }\n": typeof types.BulkChoicesDocument,
    "\n  mutation BulkUpdateRecords($ids: [ID!]!, $input: BulkUpdateInput!) { bulkUpdateRecords(ids: $ids, input: $input) { count } }\n": typeof types.BulkUpdateRecordsDocument,
    "\n  mutation CreateTag($name: String!) { createTag(name: $name) { id name } }\n": typeof types.CreateTagDocument,
    "\n  query CompanyOptions {\n    companies(first: 100, sort: { field: NAME, direction: ASC }) { edges { node { id name } } }\n  }\n": typeof types.CompanyOptionsDocument,
    "\n  query CustomFilterFields($entity: CustomFieldEntity!) { customFields(entity: $entity) { id key label type options { id label } } }\n": typeof types.CustomFilterFieldsDocument,
    "\n  query CustomValues($id: ID!, $entity: CustomFieldEntity!) {\n    customFields(entity: $entity) { id key label helpText type required options { id label colour } }\n    workspace { id members { id user { id name } } }\n    node(id: $id) {\n      id\n      ... on Contact { customFields { ...CustomValue } }\n      ... on Company { customFields { ...CustomValue } }\n      ... on Deal { customFields { ...CustomValue } }\n    }\n  }\n  fragment CustomValue on CustomFieldValue {\n    field { key }\n    ... on CustomTextValue { text }\n    ... on CustomNumberValue { number }\n    ... on CustomCurrencyValue { amount currency }\n    ... on CustomDateValue { date }\n    ... on CustomDateTimeValue { dateTime }\n    ... on CustomCheckboxValue { checked }\n    ... on CustomSelectValue { option { id } }\n    ... on CustomMultiSelectValue { options { id } }\n    ... on CustomMemberValue { member { id } }\n  }\n": typeof types.CustomValuesDocument,
    "mutation SaveContactCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateContact(id: $id, input: { customFields: $values }) { id } }": typeof types.SaveContactCustomDocument,
    "mutation SaveCompanyCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateCompany(id: $id, input: { customFields: $values }) { id } }": typeof types.SaveCompanyCustomDocument,
    "mutation SaveDealCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateDeal(id: $id, input: { customFields: $values }) { id } }": typeof types.SaveDealCustomDocument,
    "\n  query FirstRunState {\n    workspace { id hasSampleData firstSteps { addedContact createdDeal invitedSomeone connectedEmail } }\n  }\n": typeof types.FirstRunStateDocument,
    "\n  mutation AddSampleData { addSampleData { id hasSampleData } }\n": typeof types.AddSampleDataDocument,
    "\n  mutation LogCommunication($input: CommunicationInput!) { createCommunication(input: $input) { id } }\n": typeof types.LogCommunicationDocument,
    "\n  query NoteComments($noteId: ID!) {\n    comments(targetId: $noteId, first: 100) {\n      totalCount\n      edges { node { id body createdAt author { id name } mentions { user { id name } } } }\n    }\n  }\n": typeof types.NoteCommentsDocument,
    "\n  query MentionMembers { workspace { id members { id user { id name } } } }\n": typeof types.MentionMembersDocument,
    "\n  mutation CreateComment($input: CreateCommentInput!) { createComment(input: $input) { id } }\n": typeof types.CreateCommentDocument,
    "\n  query SampleDataState { workspace { id hasSampleData } }\n": typeof types.SampleDataStateDocument,
    "\n  mutation RemoveSampleData { removeSampleData { id hasSampleData } }\n": typeof types.RemoveSampleDataDocument,
    "\n  mutation KeepSampleData { keepSampleData { id hasSampleData } }\n": typeof types.KeepSampleDataDocument,
    "\n  query SearchPalette($query: String!) {\n    search(query: $query, first: 30) {\n      totalCount\n      countsCapped\n      countsByType { type count }\n      edges {\n        node {\n          type title snippet\n          record {\n            __typename\n            ... on Contact { id }\n            ... on Company { id }\n            ... on Deal { id }\n            ... on Form { id }\n            ... on Attachment { id downloadUrl }\n            ... on Note { id contact { id } company { id } deal { id } }\n            ... on Activity { id contact { id } company { id } deal { id } }\n            ... on Communication { id company { id } deal { id } contacts { id } }\n            ... on Comment { id deal { id } note { contact { id } company { id } deal { id } } activity { contact { id } company { id } deal { id } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchPaletteDocument,
    "\n  query FilterTags { tags { id name } }\n": typeof types.FilterTagsDocument,
    "\n  fragment TimelineEntry on TimelineItem {\n    __typename\n    ... on Activity { id subject type dueAt done createdAt }\n    ... on Note { id body createdAt createdBy { id name } }\n    ... on Comment { id body createdAt author { id name } }\n    ... on Communication {\n      id kind direction messageSubject: subject occurredAt fromAddress toAddresses messageBody: body durationSeconds outcome\n      email { threadId html subject source }\n    }\n    ... on Attachment { id name size downloadUrl createdAt }\n    ... on DealStageChange { id fromStageName toStageName changedAt changedBy { id name } }\n    ... on CustomFieldsChanged { id changedAt changedBy { id name } fields { key label } }\n  }\n": typeof types.TimelineEntryFragmentDoc,
    "\n  mutation CreateNote($input: NoteInput!) { createNote(input: $input) { id } }\n": typeof types.CreateNoteDocument,
    "\n  mutation ResendVerification { resendVerificationEmail }\n": typeof types.ResendVerificationDocument,
    "\n  mutation SaveAiDraft($input: CommunicationInput!) { createCommunication(input: $input) { id } }\n": typeof types.SaveAiDraftDocument,
    "\n  mutation AiSuggestNextSteps($input: AiNextStepsInput!) { aiSuggestNextSteps(input: $input) { steps { type subject reason dueAt } } }\n": typeof types.AiSuggestNextStepsDocument,
    "\n  mutation CreateSuggestedActivity($input: ActivityInput!) { createActivity(input: $input) { id } }\n": typeof types.CreateSuggestedActivityDocument,
    "\n  mutation SetWorkspaceAi($enabled: Boolean!) { setWorkspaceAi(enabled: $enabled) { available enabled model monthlyTokenBudget tokensUsedThisMonth budgetExhausted resetsAt } }\n": typeof types.SetWorkspaceAiDocument,
    "\n  query AiProviderModels { aiProviderModels }\n": typeof types.AiProviderModelsDocument,
    "\n  query WorkspaceAiUsage {\n    workspaceAiUsage {\n      from to inputTokens outputTokens requests\n      byFeature { feature inputTokens outputTokens requests }\n      byUser { userId userName inputTokens outputTokens requests }\n    }\n  }\n": typeof types.WorkspaceAiUsageDocument,
    "\n  query AiExtractPreview($extract: AiExtractContactInput) { aiPreview(extract: $extract) { model messages { role content } } }\n": typeof types.AiExtractPreviewDocument,
    "\n  mutation AiExtractContact($input: AiExtractContactInput!) {\n    aiExtractContact(input: $input) { firstName lastName jobTitle companyName location emails phones profileUrls matches { id name } }\n  }\n": typeof types.AiExtractContactDocument,
    "\n  mutation CreateExtractedContact($input: ContactInput!) { createContact(input: $input) { id } }\n": typeof types.CreateExtractedContactDocument,
    "\n  mutation UpdateExtractedContact($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { id } }\n": typeof types.UpdateExtractedContactDocument,
    "\n  query AiPreview($summary: AiSummaryInput, $draft: AiDraftInput, $nextSteps: AiNextStepsInput) {\n    aiPreview(summary: $summary, draft: $draft, nextSteps: $nextSteps) { model messages { role content } }\n  }\n": typeof types.AiPreviewDocument,
    "\n  subscription AiStream($summary: AiSummaryInput, $draft: AiDraftInput) {\n    aiStream(summary: $summary, draft: $draft) { delta done text subject items { __typename ... on Note { id } ... on Activity { id } ... on Communication { id } } }\n  }\n": typeof types.AiStreamDocument,
    "\n  query WorkspaceAi { workspaceAi { available enabled model monthlyTokenBudget tokensUsedThisMonth budgetExhausted resetsAt } }\n": typeof types.WorkspaceAiDocument,
    "\n  query ChannelsStatus { channelsStatus { emailSending sms } }\n": typeof types.ChannelsStatusDocument,
    "\n  query ChannelsAvailable { channelsStatus { available } }\n": typeof types.ChannelsAvailableDocument,
    "\n  query EmailTemplatesForCompose { emailTemplates { id name subject body } }\n": typeof types.EmailTemplatesForComposeDocument,
    "\n  mutation SendEmail($input: SendEmailInput!) { sendEmail(input: $input) { id } }\n": typeof types.SendEmailDocument,
    "\n  mutation SendSms($input: SendSmsInput!) { sendSms(input: $input) { id } }\n": typeof types.SendSmsDocument,
    "\n  query EmailTemplatePreview($subject: String, $body: String!) {\n    emailTemplatePreview(subject: $subject, body: $body) { subject body unknownFields mergeFields }\n  }\n": typeof types.EmailTemplatePreviewDocument,
    "\n  query NavViewCounts {\n    contacts: savedViews(list: CONTACT) { id name count }\n    companies: savedViews(list: COMPANY) { id name count }\n    deals: savedViews(list: DEAL) { id name count }\n  }\n": typeof types.NavViewCountsDocument,
    "\n  subscription NavFeed($workspaceId: ID) { activityFeed(workspaceId: $workspaceId) { id entityType entityId } }\n": typeof types.NavFeedDocument,
    "\n  fragment SavedViewFields on SavedView { id name list shared ownedByViewer isDefault canEdit filter sort customSort columns { key width } missingFields count }\n": typeof types.SavedViewFieldsFragmentDoc,
    "\n  query SavedViews($list: CustomFieldEntity!) { savedViews(list: $list) { ...SavedViewFields } }\n": typeof types.SavedViewsDocument,
    "\n  mutation CreateSavedView($input: CreateSavedViewInput!) { createSavedView(input: $input) { ...SavedViewFields } }\n": typeof types.CreateSavedViewDocument,
    "\n  mutation UpdateSavedView($id: ID!, $input: UpdateSavedViewInput!) { updateSavedView(id: $id, input: $input) { ...SavedViewFields } }\n": typeof types.UpdateSavedViewDocument,
    "\n  mutation DeleteSavedView($id: ID!) { deleteSavedView(id: $id) }\n": typeof types.DeleteSavedViewDocument,
    "\n  mutation StarSavedView($list: CustomFieldEntity!, $id: ID) { setDefaultSavedView(list: $list, id: $id) }\n": typeof types.StarSavedViewDocument,
    "\n  subscription RecordChanged($id: ID!) { recordChanged(id: $id) { id verb entityType entityId } }\n": typeof types.RecordChangedDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      preferences { theme fontFamily fontSize }\n      workspaces { id name viewerRole viewerPermissions }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query ActivitiesPage($first: Int!, $after: String, $filter: ActivityFilter) {\n    activities(first: $first, after: $after, filter: $filter, sort: { field: DUE_AT, direction: ASC }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id subject type done dueAt assignee { id name } contact { id name } company { id name } deal { id name } } }\n    }\n  }\n": typeof types.ActivitiesPageDocument,
    "\n  mutation CompleteActivity($id: ID!, $done: Boolean!) { completeActivity(id: $id, done: $done) { id done doneAt } }\n": typeof types.CompleteActivityDocument,
    "\n  mutation CreateActivity($input: ActivityInput!) { createActivity(input: $input) { id } }\n": typeof types.CreateActivityDocument,
    "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) { id }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { id emailVerified }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  query CompaniesPage($first: Int!, $after: String, $filter: CompanyFilter, $sort: CompanySort) {\n    companies(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name domain industry city country updatedAt } }\n    }\n  }\n": typeof types.CompaniesPageDocument,
    "\n  query CompanyDetail($id: ID!) {\n    company(id: $id) {\n      id name domain website industry size phone city country owner { id name }\n      contacts(first: 20) { totalCount edges { node { id name jobTitle } } }\n      deals(first: 20) { totalCount edges { node { id name amount currency stage { id name } } } }\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n": typeof types.CompanyDetailDocument,
    "\n  mutation UpdateCompany($id: ID!, $input: CompanyInput!) {\n    updateCompany(id: $id, input: $input) { id name domain website industry size phone city country updatedAt }\n  }\n": typeof types.UpdateCompanyDocument,
    "\n  mutation CreateCompany($input: CompanyInput!) { createCompany(input: $input) { id } }\n": typeof types.CreateCompanyDocument,
    "\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      id name firstName lastName jobTitle headline location lifecycleStage primaryEmail source\n      company { id name }\n      owner { id name }\n      createdAt updatedAt\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n": typeof types.ContactDetailDocument,
    "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      id name firstName lastName jobTitle headline location lifecycleStage primaryEmail updatedAt company { id name }\n    }\n  }\n": typeof types.UpdateContactDocument,
    "\n  query ContactsPage($first: Int!, $after: String, $filter: ContactFilter, $sort: ContactSort) {\n    contacts(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name primaryEmail jobTitle lifecycleStage updatedAt company { id name } owner { id name } } }\n    }\n  }\n": typeof types.ContactsPageDocument,
    "\n  mutation CreateContact($input: ContactInput!) { createContact(input: $input) { id } }\n": typeof types.CreateContactDocument,
    "\n  query DealBoard {\n    pipelines {\n      id name isDefault\n      stages { id name isWon isLost totalAmounts { currency amount dealCount } }\n    }\n  }\n": typeof types.DealBoardDocument,
    "\n  query BoardDeals($pipelineId: ID!) {\n    deals(first: 100, filter: { pipelineId: $pipelineId }, sort: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      edges { node { id name amount currency stage { id } company { id name } } }\n    }\n  }\n": typeof types.BoardDealsDocument,
    "\n  mutation MoveDeal($id: ID!, $stageId: ID!) {\n    moveDeal(id: $id, stageId: $stageId) { id status stage { id name } }\n  }\n": typeof types.MoveDealDocument,
    "\n  query DealDetail($id: ID!) {\n    deal(id: $id) {\n      id name amount currency status expectedCloseDate\n      stage { id name }\n      pipeline { id name stages { id name } }\n      company { id name }\n      owner { id name }\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n": typeof types.DealDetailDocument,
    "\n  mutation UpdateDeal($id: ID!, $input: DealInput!) {\n    updateDeal(id: $id, input: $input) { id name amount amountMinor currency expectedCloseDate updatedAt }\n  }\n": typeof types.UpdateDealDocument,
    "\n  mutation MoveDealFromPage($id: ID!, $stageId: ID!) {\n    moveDeal(id: $id, stageId: $stageId) { id status stage { id name } }\n  }\n": typeof types.MoveDealFromPageDocument,
    "\n  query DealsPage($first: Int!, $after: String, $filter: DealFilter, $sort: DealSort) {\n    deals(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name amount currency status expectedCloseDate stage { id name } company { id name } owner { id name } } }\n    }\n  }\n": typeof types.DealsPageDocument,
    "\n  mutation CreateDeal($input: DealInput!) { createDeal(input: $input) { id } }\n": typeof types.CreateDealDocument,
    "\n  query FormEditor($id: ID!) {\n    form(id: $id) {\n      id name isActive publicKey\n      fields { key label type mapsTo required options customKey }\n      submissions(first: 1) { totalCount }\n    }\n  }\n": typeof types.FormEditorDocument,
    "\n  mutation CreateForm($input: CreateFormInput!) { createForm(input: $input) { id } }\n": typeof types.CreateFormDocument,
    "\n  mutation UpdateForm($id: ID!, $input: UpdateFormInput!) {\n    updateForm(id: $id, input: $input) { id name isActive fields { key label type mapsTo required options customKey } }\n  }\n": typeof types.UpdateFormDocument,
    "\n  query FormsList {\n    forms(first: 100) {\n      totalCount\n      edges { node { id name isActive publicKey createdAt fields { key } submissions(first: 1) { totalCount } } }\n    }\n  }\n": typeof types.FormsListDocument,
    "\n  query DuplicateSuggestions {\n    duplicateContacts {\n      reasons\n      a { id name primaryEmail company { id name } createdAt }\n      b { id name primaryEmail company { id name } createdAt }\n    }\n    duplicateCompanies {\n      reasons\n      a { id name domain createdAt }\n      b { id name domain createdAt }\n    }\n  }\n": typeof types.DuplicateSuggestionsDocument,
    "\n  mutation MergeContacts($survivorId: ID!, $duplicateIds: [ID!]!) { mergeContacts(survivorId: $survivorId, duplicateIds: $duplicateIds) { id name } }\n": typeof types.MergeContactsDocument,
    "\n  mutation MergeCompanies($survivorId: ID!, $duplicateIds: [ID!]!) { mergeCompanies(survivorId: $survivorId, duplicateIds: $duplicateIds) { id name } }\n": typeof types.MergeCompaniesDocument,
    "\n  query ApiKeys($includeRevoked: Boolean) {\n    apiKeys(first: 100, includeRevoked: $includeRevoked) {\n      edges { node { id name role prefix createdAt expiresAt lastUsedAt lastUsedIp revokedAt createdBy { id name } } }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix } } }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RotateApiKey($id: ID!) { rotateApiKey(id: $id) { secret apiKey { id name prefix } } }\n": typeof types.RotateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n": typeof types.RevokeApiKeyDocument,
    "\n  query Billing {\n    billing {\n      enabled planId planName status readOnly graceEndsAt trialEndsAt trialDaysLeft trialDaysWithCard trialDaysWithoutCard currentPeriodEnd seatsUsed seatsPaid canManageInPortal\n      usage { limit used allowed }\n      invoices { stripeId number status currency amountDue amountPaid hostedInvoiceUrl invoicePdf issuedAt paidAt }\n      plans { id name free }\n    }\n  }\n": typeof types.BillingDocument,
    "\n  mutation StartBillingCheckout($planId: String!, $withCard: Boolean) { startBillingCheckout(planId: $planId, withCard: $withCard) }\n": typeof types.StartBillingCheckoutDocument,
    "\n  mutation CompleteBillingCheckout($sessionId: String!) { completeBillingCheckout(sessionId: $sessionId) { planId status } }\n": typeof types.CompleteBillingCheckoutDocument,
    "\n  mutation OpenBillingPortal { openBillingPortal }\n": typeof types.OpenBillingPortalDocument,
    "\n  query ChannelsSettings {\n    channelsStatus { available mailOAuthProviders }\n    mySmtpAccount { id host port username fromAddress fromName }\n    inboundMail { enabled myAddress workspaceAddress createUnknownContacts }\n    myMailboxes { id host username privacy status lastError lastSyncedAt importedCount importEveryone excludedFolders }\n    phoneChannel { enabled number }\n  }\n": typeof types.ChannelsSettingsDocument,
    "\n  query WorkspaceSmtp { workspaceSmtpAccount { id host port username fromAddress fromName } }\n": typeof types.WorkspaceSmtpDocument,
    "mutation SetMySmtp($input: SmtpAccountInput!) { setMySmtpAccount(input: $input) { id } }": typeof types.SetMySmtpDocument,
    "mutation SetWorkspaceSmtp($input: SmtpAccountInput!) { setWorkspaceSmtpAccount(input: $input) { id } }": typeof types.SetWorkspaceSmtpDocument,
    "mutation RemoveMySmtp { removeMySmtpAccount }": typeof types.RemoveMySmtpDocument,
    "mutation ConnectMailbox($input: ConnectMailboxInput!) { connectMailbox(input: $input) { id } }": typeof types.ConnectMailboxDocument,
    "mutation UpdateMailboxPrivacy($id: ID!, $input: MailboxSettingsInput!) { updateMailbox(id: $id, input: $input) { id privacy } }": typeof types.UpdateMailboxPrivacyDocument,
    "mutation DisconnectMailbox($id: ID!, $deleteImported: Boolean!) { disconnectMailbox(id: $id, deleteImported: $deleteImported) }": typeof types.DisconnectMailboxDocument,
    "mutation StartMailboxOAuth($input: StartMailboxOAuthInput!) { startMailboxOAuth(input: $input) }": typeof types.StartMailboxOAuthDocument,
    "mutation SetTwilioNumber($number: String) { setTwilioNumber(number: $number) { number } }": typeof types.SetTwilioNumberDocument,
    "\n  query CustomFieldSettings($entity: CustomFieldEntity!, $trash: Boolean) {\n    customFields(entity: $entity, includeArchived: true, trash: $trash) { id key label helpText type required archivedAt deletedAt options { id label colour } }\n  }\n": typeof types.CustomFieldSettingsDocument,
    "\n  mutation CreateCustomFieldSetting($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id key } }\n": typeof types.CreateCustomFieldSettingDocument,
    "\n  mutation UpdateCustomFieldSetting($id: ID!, $input: UpdateCustomFieldInput!) { updateCustomField(id: $id, input: $input) { id label archivedAt } }\n": typeof types.UpdateCustomFieldSettingDocument,
    "\n  mutation DeleteCustomFieldSetting($id: ID!) { deleteCustomField(id: $id) { id deletedAt } }\n": typeof types.DeleteCustomFieldSettingDocument,
    "\n  mutation RestoreCustomFieldSetting($id: ID!) { restoreCustomField(id: $id) { id deletedAt } }\n": typeof types.RestoreCustomFieldSettingDocument,
    "\n  mutation AddCustomFieldOptionSetting($id: ID!, $label: String!) { addCustomFieldOption(fieldId: $id, input: { label: $label }) { id options { id label } } }\n": typeof types.AddCustomFieldOptionSettingDocument,
    "\n  query EmailTemplatesSettings { emailTemplates { id name subject body } }\n": typeof types.EmailTemplatesSettingsDocument,
    "mutation CreateEmailTemplate($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }": typeof types.CreateEmailTemplateDocument,
    "mutation UpdateEmailTemplate($id: ID!, $input: EmailTemplateInput!) { updateEmailTemplate(id: $id, input: $input) { id name subject body } }": typeof types.UpdateEmailTemplateDocument,
    "mutation DeleteEmailTemplate($id: ID!) { deleteEmailTemplate(id: $id) }": typeof types.DeleteEmailTemplateDocument,
    "\n  query WorkspaceExports {\n    workspaceExports(first: 20) {\n      edges { node { id format status recordsDone recordsTotal byteSize createdAt finishedAt expiresAt downloadUrl error } }\n    }\n  }\n": typeof types.WorkspaceExportsDocument,
    "\n  mutation RequestWorkspaceExport($format: ExportFormat!) { requestWorkspaceExport(format: $format) { id status } }\n": typeof types.RequestWorkspaceExportDocument,
    "\n  query ImportToMap($id: ID!) {\n    node(id: $id) {\n      ... on Import { id fileName format encoding delimiter headers recognised entity columns }\n    }\n  }\n": typeof types.ImportToMapDocument,
    "\n  query ImportFields($entity: ImportEntity!) { importFields(entity: $entity) { key label } }\n": typeof types.ImportFieldsDocument,
    "\n  query ImportPreview($id: ID!, $settings: ImportSettingsInput!) {\n    importPreview(id: $id, settings: $settings, first: 10) {\n      rowsChecked complete creates updates skips failures matchesInWorkspace duplicatesInFile\n      rows { number action match values errors }\n      failedRows { number errors }\n    }\n  }\n": typeof types.ImportPreviewDocument,
    "\n  mutation StartImport($id: ID!, $settings: ImportSettingsInput!) { startImport(id: $id, settings: $settings) { id status } }\n": typeof types.StartImportDocument,
    "\n  mutation UndoImport($id: ID!) { undoImport(id: $id) { id status } }\n": typeof types.UndoImportDocument,
    "\n  subscription ImportProgress($id: ID!) {\n    importProgress(id: $id) { id status rowsRead createdCount updatedCount skippedCount failedCount error errorFileUrl }\n  }\n": typeof types.ImportProgressDocument,
    "\n  query WorkspaceMembers {\n    workspace {\n      id name viewerRole\n      members { id role joinedAt user { id name email } }\n      invitations { id email role status expiresAt }\n    }\n  }\n": typeof types.WorkspaceMembersDocument,
    "\n  mutation InviteMember($email: String!, $role: Role!) { inviteMember(email: $email, role: $role) { id email role status expiresAt } }\n": typeof types.InviteMemberDocument,
    "\n  mutation ChangeMemberRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { id role } }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) }\n": typeof types.RemoveMemberDocument,
    "\n  mutation RevokeInvitation($invitationId: ID!) { revokeInvitation(invitationId: $invitationId) { id status } }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation UpdatePreferences($input: PreferencesInput!) {\n    updatePreferences(input: $input) { id preferences { theme fontFamily fontSize } }\n  }\n": typeof types.UpdatePreferencesDocument,
    "\n  mutation UpdateProfile($name: String!) { updateProfile(name: $name) { id name } }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query WorkspaceSettings { workspace { id name defaultPhoneCountry } }\n": typeof types.WorkspaceSettingsDocument,
    "\n  mutation RenameWorkspace($name: String!) { renameWorkspace(name: $name) { id name } }\n": typeof types.RenameWorkspaceDocument,
    "\n  mutation SetWorkspacePhoneCountry($country: String) { setWorkspacePhoneCountry(country: $country) { id defaultPhoneCountry } }\n": typeof types.SetWorkspacePhoneCountryDocument,
    "\n  query AuditActors { workspace { id members { id user { id name } } } }\n": typeof types.AuditActorsDocument,
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id action actorName actorUserId actorApiKeyId targetType targetId ip userAgent createdAt details } }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation DeleteMyAccount($password: String!) { deleteMyAccount(password: $password) }\n": typeof types.DeleteMyAccountDocument,
    "\n  mutation RequestMyDataExport { requestMyDataExport }\n": typeof types.RequestMyDataExportDocument,
    "\n  query WorkspacesPendingDeletion { workspacesPendingDeletion { workspaceId name purgeAfter } }\n": typeof types.WorkspacesPendingDeletionDocument,
    "\n  mutation CancelWorkspaceDeletion($workspaceId: ID!) { cancelWorkspaceDeletion(workspaceId: $workspaceId) }\n": typeof types.CancelWorkspaceDeletionDocument,
    "\n  mutation RequestWorkspaceDeletion($confirmName: String!, $password: String!, $workspaceId: ID) {\n    requestWorkspaceDeletion(confirmName: $confirmName, password: $password, workspaceId: $workspaceId)\n  }\n": typeof types.RequestWorkspaceDeletionDocument,
    "\n  query MySessions {\n    me { id sessions { id browser os ipAddress userAgent createdAt expiresAt current } }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation RevokeSession($sessionId: ID!) { revokeSession(sessionId: $sessionId) }\n": typeof types.RevokeSessionDocument,
    "\n  query WorkspaceUsage($from: DateTime) {\n    workspaceUsage(from: $from) {\n      from to activeUsers apiCalls errors pageViews\n      days { day activeUsers apiCalls errors pageViews }\n      operations { name calls errors averageMs p95Ms }\n      topFeatures { name count }\n      topPages { name count }\n    }\n  }\n": typeof types.WorkspaceUsageDocument,
    "\n  query WebhookDeliveries($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Webhook {\n        deliveries(first: 25) {\n          edges { node { id eventType status responseStatus responseMs attempts error createdAt deliveredAt } }\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) { id status } }\n": typeof types.RedeliverWebhookDocument,
    "\n  mutation CreateWebhook($url: String!, $eventTypes: [String!]) {\n    createWebhook(url: $url, eventTypes: $eventTypes) { secret webhook { id url } }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  query Webhooks {\n    webhooks(first: 100) { edges { node { id url eventTypes isActive createdAt } } }\n  }\n": typeof types.WebhooksDocument,
    "\n  mutation SetWebhookActive($id: ID!, $isActive: Boolean) { updateWebhook(id: $id, isActive: $isActive) { id isActive } }\n": typeof types.SetWebhookActiveDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id url } } }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }\n": typeof types.DeleteWebhookDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) { email workspaceName inviterName role expiresAt }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) { id workspace { id name } }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation CreateWorkspace($name: String!) {\n    createWorkspace(name: $name) { id name }\n  }\n": typeof types.CreateWorkspaceDocument,
};
const documents: Documents = {
    "\n  fragment FeedEventFields on ActivityEvent { id cursor sequence verb entityType entityId actorId actorApiKeyId changes createdAt }\n": types.FeedEventFieldsFragmentDoc,
    "\n  query FeedHistory($first: Int!) {\n    activityEvents(first: $first) { edges { node { ...FeedEventFields } } }\n    workspace { id members { id user { id name } } }\n  }\n": types.FeedHistoryDocument,
    "\n  subscription FeedLive($after: String, $workspaceId: ID) { activityFeed(after: $after, workspaceId: $workspaceId) { ...FeedEventFields } }\n": types.FeedLiveDocument,
    "\n  query FeedRecords($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Contact { id name }\n      ... on Company { id name }\n      ... on Deal { id name }\n      ... on Form { id name }\n      ... on Attachment { id name }\n      ... on Note { id body contact { id } company { id } deal { id } }\n      ... on Activity { id subject contact { id } company { id } deal { id } }\n      ... on Comment { id body deal { id } note { contact { id } company { id } deal { id } } }\n    }\n  }\n": types.FeedRecordsDocument,
    "\n  mutation SignOut { signOut }\n": types.SignOutDocument,
    "\n  query RecordFiles($recordId: ID!) {\n    attachments(recordId: $recordId, first: 50) {\n      totalCount\n      edges { node { id name size contentType downloadUrl createdAt uploadedBy { id name } } }\n    }\n  }\n": types.RecordFilesDocument,
    "\n  query BillingNotice { billingNotice { kind graceDaysLeft limit percentUsed } }\n": types.BillingNoticeDocument,
    "\n  mutation BulkDeleteRecords($ids: [ID!]!) { bulkDeleteRecords(ids: $ids) { count } }\n": types.BulkDeleteRecordsDocument,
    "\n  query BulkChoices($deals: Boolean!) {\n    workspace { id members { id user { id name } } }\n    tags { id name }\n    pipelines @include(if: $deals) { id name stages { id name } }\n  }\n": types.BulkChoicesDocument,
    "\n  mutation BulkUpdateRecords($ids: [ID!]!, $input: BulkUpdateInput!) { bulkUpdateRecords(ids: $ids, input: $input) { count } }\n": types.BulkUpdateRecordsDocument,
    "\n  mutation CreateTag($name: String!) { createTag(name: $name) { id name } }\n": types.CreateTagDocument,
    "\n  query CompanyOptions {\n    companies(first: 100, sort: { field: NAME, direction: ASC }) { edges { node { id name } } }\n  }\n": types.CompanyOptionsDocument,
    "\n  query CustomFilterFields($entity: CustomFieldEntity!) { customFields(entity: $entity) { id key label type options { id label } } }\n": types.CustomFilterFieldsDocument,
    "\n  query CustomValues($id: ID!, $entity: CustomFieldEntity!) {\n    customFields(entity: $entity) { id key label helpText type required options { id label colour } }\n    workspace { id members { id user { id name } } }\n    node(id: $id) {\n      id\n      ... on Contact { customFields { ...CustomValue } }\n      ... on Company { customFields { ...CustomValue } }\n      ... on Deal { customFields { ...CustomValue } }\n    }\n  }\n  fragment CustomValue on CustomFieldValue {\n    field { key }\n    ... on CustomTextValue { text }\n    ... on CustomNumberValue { number }\n    ... on CustomCurrencyValue { amount currency }\n    ... on CustomDateValue { date }\n    ... on CustomDateTimeValue { dateTime }\n    ... on CustomCheckboxValue { checked }\n    ... on CustomSelectValue { option { id } }\n    ... on CustomMultiSelectValue { options { id } }\n    ... on CustomMemberValue { member { id } }\n  }\n": types.CustomValuesDocument,
    "mutation SaveContactCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateContact(id: $id, input: { customFields: $values }) { id } }": types.SaveContactCustomDocument,
    "mutation SaveCompanyCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateCompany(id: $id, input: { customFields: $values }) { id } }": types.SaveCompanyCustomDocument,
    "mutation SaveDealCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateDeal(id: $id, input: { customFields: $values }) { id } }": types.SaveDealCustomDocument,
    "\n  query FirstRunState {\n    workspace { id hasSampleData firstSteps { addedContact createdDeal invitedSomeone connectedEmail } }\n  }\n": types.FirstRunStateDocument,
    "\n  mutation AddSampleData { addSampleData { id hasSampleData } }\n": types.AddSampleDataDocument,
    "\n  mutation LogCommunication($input: CommunicationInput!) { createCommunication(input: $input) { id } }\n": types.LogCommunicationDocument,
    "\n  query NoteComments($noteId: ID!) {\n    comments(targetId: $noteId, first: 100) {\n      totalCount\n      edges { node { id body createdAt author { id name } mentions { user { id name } } } }\n    }\n  }\n": types.NoteCommentsDocument,
    "\n  query MentionMembers { workspace { id members { id user { id name } } } }\n": types.MentionMembersDocument,
    "\n  mutation CreateComment($input: CreateCommentInput!) { createComment(input: $input) { id } }\n": types.CreateCommentDocument,
    "\n  query SampleDataState { workspace { id hasSampleData } }\n": types.SampleDataStateDocument,
    "\n  mutation RemoveSampleData { removeSampleData { id hasSampleData } }\n": types.RemoveSampleDataDocument,
    "\n  mutation KeepSampleData { keepSampleData { id hasSampleData } }\n": types.KeepSampleDataDocument,
    "\n  query SearchPalette($query: String!) {\n    search(query: $query, first: 30) {\n      totalCount\n      countsCapped\n      countsByType { type count }\n      edges {\n        node {\n          type title snippet\n          record {\n            __typename\n            ... on Contact { id }\n            ... on Company { id }\n            ... on Deal { id }\n            ... on Form { id }\n            ... on Attachment { id downloadUrl }\n            ... on Note { id contact { id } company { id } deal { id } }\n            ... on Activity { id contact { id } company { id } deal { id } }\n            ... on Communication { id company { id } deal { id } contacts { id } }\n            ... on Comment { id deal { id } note { contact { id } company { id } deal { id } } activity { contact { id } company { id } deal { id } } }\n          }\n        }\n      }\n    }\n  }\n": types.SearchPaletteDocument,
    "\n  query FilterTags { tags { id name } }\n": types.FilterTagsDocument,
    "\n  fragment TimelineEntry on TimelineItem {\n    __typename\n    ... on Activity { id subject type dueAt done createdAt }\n    ... on Note { id body createdAt createdBy { id name } }\n    ... on Comment { id body createdAt author { id name } }\n    ... on Communication {\n      id kind direction messageSubject: subject occurredAt fromAddress toAddresses messageBody: body durationSeconds outcome\n      email { threadId html subject source }\n    }\n    ... on Attachment { id name size downloadUrl createdAt }\n    ... on DealStageChange { id fromStageName toStageName changedAt changedBy { id name } }\n    ... on CustomFieldsChanged { id changedAt changedBy { id name } fields { key label } }\n  }\n": types.TimelineEntryFragmentDoc,
    "\n  mutation CreateNote($input: NoteInput!) { createNote(input: $input) { id } }\n": types.CreateNoteDocument,
    "\n  mutation ResendVerification { resendVerificationEmail }\n": types.ResendVerificationDocument,
    "\n  mutation SaveAiDraft($input: CommunicationInput!) { createCommunication(input: $input) { id } }\n": types.SaveAiDraftDocument,
    "\n  mutation AiSuggestNextSteps($input: AiNextStepsInput!) { aiSuggestNextSteps(input: $input) { steps { type subject reason dueAt } } }\n": types.AiSuggestNextStepsDocument,
    "\n  mutation CreateSuggestedActivity($input: ActivityInput!) { createActivity(input: $input) { id } }\n": types.CreateSuggestedActivityDocument,
    "\n  mutation SetWorkspaceAi($enabled: Boolean!) { setWorkspaceAi(enabled: $enabled) { available enabled model monthlyTokenBudget tokensUsedThisMonth budgetExhausted resetsAt } }\n": types.SetWorkspaceAiDocument,
    "\n  query AiProviderModels { aiProviderModels }\n": types.AiProviderModelsDocument,
    "\n  query WorkspaceAiUsage {\n    workspaceAiUsage {\n      from to inputTokens outputTokens requests\n      byFeature { feature inputTokens outputTokens requests }\n      byUser { userId userName inputTokens outputTokens requests }\n    }\n  }\n": types.WorkspaceAiUsageDocument,
    "\n  query AiExtractPreview($extract: AiExtractContactInput) { aiPreview(extract: $extract) { model messages { role content } } }\n": types.AiExtractPreviewDocument,
    "\n  mutation AiExtractContact($input: AiExtractContactInput!) {\n    aiExtractContact(input: $input) { firstName lastName jobTitle companyName location emails phones profileUrls matches { id name } }\n  }\n": types.AiExtractContactDocument,
    "\n  mutation CreateExtractedContact($input: ContactInput!) { createContact(input: $input) { id } }\n": types.CreateExtractedContactDocument,
    "\n  mutation UpdateExtractedContact($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { id } }\n": types.UpdateExtractedContactDocument,
    "\n  query AiPreview($summary: AiSummaryInput, $draft: AiDraftInput, $nextSteps: AiNextStepsInput) {\n    aiPreview(summary: $summary, draft: $draft, nextSteps: $nextSteps) { model messages { role content } }\n  }\n": types.AiPreviewDocument,
    "\n  subscription AiStream($summary: AiSummaryInput, $draft: AiDraftInput) {\n    aiStream(summary: $summary, draft: $draft) { delta done text subject items { __typename ... on Note { id } ... on Activity { id } ... on Communication { id } } }\n  }\n": types.AiStreamDocument,
    "\n  query WorkspaceAi { workspaceAi { available enabled model monthlyTokenBudget tokensUsedThisMonth budgetExhausted resetsAt } }\n": types.WorkspaceAiDocument,
    "\n  query ChannelsStatus { channelsStatus { emailSending sms } }\n": types.ChannelsStatusDocument,
    "\n  query ChannelsAvailable { channelsStatus { available } }\n": types.ChannelsAvailableDocument,
    "\n  query EmailTemplatesForCompose { emailTemplates { id name subject body } }\n": types.EmailTemplatesForComposeDocument,
    "\n  mutation SendEmail($input: SendEmailInput!) { sendEmail(input: $input) { id } }\n": types.SendEmailDocument,
    "\n  mutation SendSms($input: SendSmsInput!) { sendSms(input: $input) { id } }\n": types.SendSmsDocument,
    "\n  query EmailTemplatePreview($subject: String, $body: String!) {\n    emailTemplatePreview(subject: $subject, body: $body) { subject body unknownFields mergeFields }\n  }\n": types.EmailTemplatePreviewDocument,
    "\n  query NavViewCounts {\n    contacts: savedViews(list: CONTACT) { id name count }\n    companies: savedViews(list: COMPANY) { id name count }\n    deals: savedViews(list: DEAL) { id name count }\n  }\n": types.NavViewCountsDocument,
    "\n  subscription NavFeed($workspaceId: ID) { activityFeed(workspaceId: $workspaceId) { id entityType entityId } }\n": types.NavFeedDocument,
    "\n  fragment SavedViewFields on SavedView { id name list shared ownedByViewer isDefault canEdit filter sort customSort columns { key width } missingFields count }\n": types.SavedViewFieldsFragmentDoc,
    "\n  query SavedViews($list: CustomFieldEntity!) { savedViews(list: $list) { ...SavedViewFields } }\n": types.SavedViewsDocument,
    "\n  mutation CreateSavedView($input: CreateSavedViewInput!) { createSavedView(input: $input) { ...SavedViewFields } }\n": types.CreateSavedViewDocument,
    "\n  mutation UpdateSavedView($id: ID!, $input: UpdateSavedViewInput!) { updateSavedView(id: $id, input: $input) { ...SavedViewFields } }\n": types.UpdateSavedViewDocument,
    "\n  mutation DeleteSavedView($id: ID!) { deleteSavedView(id: $id) }\n": types.DeleteSavedViewDocument,
    "\n  mutation StarSavedView($list: CustomFieldEntity!, $id: ID) { setDefaultSavedView(list: $list, id: $id) }\n": types.StarSavedViewDocument,
    "\n  subscription RecordChanged($id: ID!) { recordChanged(id: $id) { id verb entityType entityId } }\n": types.RecordChangedDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      preferences { theme fontFamily fontSize }\n      workspaces { id name viewerRole viewerPermissions }\n    }\n  }\n": types.MeDocument,
    "\n  query ActivitiesPage($first: Int!, $after: String, $filter: ActivityFilter) {\n    activities(first: $first, after: $after, filter: $filter, sort: { field: DUE_AT, direction: ASC }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id subject type done dueAt assignee { id name } contact { id name } company { id name } deal { id name } } }\n    }\n  }\n": types.ActivitiesPageDocument,
    "\n  mutation CompleteActivity($id: ID!, $done: Boolean!) { completeActivity(id: $id, done: $done) { id done doneAt } }\n": types.CompleteActivityDocument,
    "\n  mutation CreateActivity($input: ActivityInput!) { createActivity(input: $input) { id } }\n": types.CreateActivityDocument,
    "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) { id }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id }\n  }\n": types.SignUpDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { id emailVerified }\n  }\n": types.VerifyEmailDocument,
    "\n  query CompaniesPage($first: Int!, $after: String, $filter: CompanyFilter, $sort: CompanySort) {\n    companies(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name domain industry city country updatedAt } }\n    }\n  }\n": types.CompaniesPageDocument,
    "\n  query CompanyDetail($id: ID!) {\n    company(id: $id) {\n      id name domain website industry size phone city country owner { id name }\n      contacts(first: 20) { totalCount edges { node { id name jobTitle } } }\n      deals(first: 20) { totalCount edges { node { id name amount currency stage { id name } } } }\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n": types.CompanyDetailDocument,
    "\n  mutation UpdateCompany($id: ID!, $input: CompanyInput!) {\n    updateCompany(id: $id, input: $input) { id name domain website industry size phone city country updatedAt }\n  }\n": types.UpdateCompanyDocument,
    "\n  mutation CreateCompany($input: CompanyInput!) { createCompany(input: $input) { id } }\n": types.CreateCompanyDocument,
    "\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      id name firstName lastName jobTitle headline location lifecycleStage primaryEmail source\n      company { id name }\n      owner { id name }\n      createdAt updatedAt\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n": types.ContactDetailDocument,
    "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      id name firstName lastName jobTitle headline location lifecycleStage primaryEmail updatedAt company { id name }\n    }\n  }\n": types.UpdateContactDocument,
    "\n  query ContactsPage($first: Int!, $after: String, $filter: ContactFilter, $sort: ContactSort) {\n    contacts(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name primaryEmail jobTitle lifecycleStage updatedAt company { id name } owner { id name } } }\n    }\n  }\n": types.ContactsPageDocument,
    "\n  mutation CreateContact($input: ContactInput!) { createContact(input: $input) { id } }\n": types.CreateContactDocument,
    "\n  query DealBoard {\n    pipelines {\n      id name isDefault\n      stages { id name isWon isLost totalAmounts { currency amount dealCount } }\n    }\n  }\n": types.DealBoardDocument,
    "\n  query BoardDeals($pipelineId: ID!) {\n    deals(first: 100, filter: { pipelineId: $pipelineId }, sort: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      edges { node { id name amount currency stage { id } company { id name } } }\n    }\n  }\n": types.BoardDealsDocument,
    "\n  mutation MoveDeal($id: ID!, $stageId: ID!) {\n    moveDeal(id: $id, stageId: $stageId) { id status stage { id name } }\n  }\n": types.MoveDealDocument,
    "\n  query DealDetail($id: ID!) {\n    deal(id: $id) {\n      id name amount currency status expectedCloseDate\n      stage { id name }\n      pipeline { id name stages { id name } }\n      company { id name }\n      owner { id name }\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n": types.DealDetailDocument,
    "\n  mutation UpdateDeal($id: ID!, $input: DealInput!) {\n    updateDeal(id: $id, input: $input) { id name amount amountMinor currency expectedCloseDate updatedAt }\n  }\n": types.UpdateDealDocument,
    "\n  mutation MoveDealFromPage($id: ID!, $stageId: ID!) {\n    moveDeal(id: $id, stageId: $stageId) { id status stage { id name } }\n  }\n": types.MoveDealFromPageDocument,
    "\n  query DealsPage($first: Int!, $after: String, $filter: DealFilter, $sort: DealSort) {\n    deals(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name amount currency status expectedCloseDate stage { id name } company { id name } owner { id name } } }\n    }\n  }\n": types.DealsPageDocument,
    "\n  mutation CreateDeal($input: DealInput!) { createDeal(input: $input) { id } }\n": types.CreateDealDocument,
    "\n  query FormEditor($id: ID!) {\n    form(id: $id) {\n      id name isActive publicKey\n      fields { key label type mapsTo required options customKey }\n      submissions(first: 1) { totalCount }\n    }\n  }\n": types.FormEditorDocument,
    "\n  mutation CreateForm($input: CreateFormInput!) { createForm(input: $input) { id } }\n": types.CreateFormDocument,
    "\n  mutation UpdateForm($id: ID!, $input: UpdateFormInput!) {\n    updateForm(id: $id, input: $input) { id name isActive fields { key label type mapsTo required options customKey } }\n  }\n": types.UpdateFormDocument,
    "\n  query FormsList {\n    forms(first: 100) {\n      totalCount\n      edges { node { id name isActive publicKey createdAt fields { key } submissions(first: 1) { totalCount } } }\n    }\n  }\n": types.FormsListDocument,
    "\n  query DuplicateSuggestions {\n    duplicateContacts {\n      reasons\n      a { id name primaryEmail company { id name } createdAt }\n      b { id name primaryEmail company { id name } createdAt }\n    }\n    duplicateCompanies {\n      reasons\n      a { id name domain createdAt }\n      b { id name domain createdAt }\n    }\n  }\n": types.DuplicateSuggestionsDocument,
    "\n  mutation MergeContacts($survivorId: ID!, $duplicateIds: [ID!]!) { mergeContacts(survivorId: $survivorId, duplicateIds: $duplicateIds) { id name } }\n": types.MergeContactsDocument,
    "\n  mutation MergeCompanies($survivorId: ID!, $duplicateIds: [ID!]!) { mergeCompanies(survivorId: $survivorId, duplicateIds: $duplicateIds) { id name } }\n": types.MergeCompaniesDocument,
    "\n  query ApiKeys($includeRevoked: Boolean) {\n    apiKeys(first: 100, includeRevoked: $includeRevoked) {\n      edges { node { id name role prefix createdAt expiresAt lastUsedAt lastUsedIp revokedAt createdBy { id name } } }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix } } }\n": types.CreateApiKeyDocument,
    "\n  mutation RotateApiKey($id: ID!) { rotateApiKey(id: $id) { secret apiKey { id name prefix } } }\n": types.RotateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n": types.RevokeApiKeyDocument,
    "\n  query Billing {\n    billing {\n      enabled planId planName status readOnly graceEndsAt trialEndsAt trialDaysLeft trialDaysWithCard trialDaysWithoutCard currentPeriodEnd seatsUsed seatsPaid canManageInPortal\n      usage { limit used allowed }\n      invoices { stripeId number status currency amountDue amountPaid hostedInvoiceUrl invoicePdf issuedAt paidAt }\n      plans { id name free }\n    }\n  }\n": types.BillingDocument,
    "\n  mutation StartBillingCheckout($planId: String!, $withCard: Boolean) { startBillingCheckout(planId: $planId, withCard: $withCard) }\n": types.StartBillingCheckoutDocument,
    "\n  mutation CompleteBillingCheckout($sessionId: String!) { completeBillingCheckout(sessionId: $sessionId) { planId status } }\n": types.CompleteBillingCheckoutDocument,
    "\n  mutation OpenBillingPortal { openBillingPortal }\n": types.OpenBillingPortalDocument,
    "\n  query ChannelsSettings {\n    channelsStatus { available mailOAuthProviders }\n    mySmtpAccount { id host port username fromAddress fromName }\n    inboundMail { enabled myAddress workspaceAddress createUnknownContacts }\n    myMailboxes { id host username privacy status lastError lastSyncedAt importedCount importEveryone excludedFolders }\n    phoneChannel { enabled number }\n  }\n": types.ChannelsSettingsDocument,
    "\n  query WorkspaceSmtp { workspaceSmtpAccount { id host port username fromAddress fromName } }\n": types.WorkspaceSmtpDocument,
    "mutation SetMySmtp($input: SmtpAccountInput!) { setMySmtpAccount(input: $input) { id } }": types.SetMySmtpDocument,
    "mutation SetWorkspaceSmtp($input: SmtpAccountInput!) { setWorkspaceSmtpAccount(input: $input) { id } }": types.SetWorkspaceSmtpDocument,
    "mutation RemoveMySmtp { removeMySmtpAccount }": types.RemoveMySmtpDocument,
    "mutation ConnectMailbox($input: ConnectMailboxInput!) { connectMailbox(input: $input) { id } }": types.ConnectMailboxDocument,
    "mutation UpdateMailboxPrivacy($id: ID!, $input: MailboxSettingsInput!) { updateMailbox(id: $id, input: $input) { id privacy } }": types.UpdateMailboxPrivacyDocument,
    "mutation DisconnectMailbox($id: ID!, $deleteImported: Boolean!) { disconnectMailbox(id: $id, deleteImported: $deleteImported) }": types.DisconnectMailboxDocument,
    "mutation StartMailboxOAuth($input: StartMailboxOAuthInput!) { startMailboxOAuth(input: $input) }": types.StartMailboxOAuthDocument,
    "mutation SetTwilioNumber($number: String) { setTwilioNumber(number: $number) { number } }": types.SetTwilioNumberDocument,
    "\n  query CustomFieldSettings($entity: CustomFieldEntity!, $trash: Boolean) {\n    customFields(entity: $entity, includeArchived: true, trash: $trash) { id key label helpText type required archivedAt deletedAt options { id label colour } }\n  }\n": types.CustomFieldSettingsDocument,
    "\n  mutation CreateCustomFieldSetting($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id key } }\n": types.CreateCustomFieldSettingDocument,
    "\n  mutation UpdateCustomFieldSetting($id: ID!, $input: UpdateCustomFieldInput!) { updateCustomField(id: $id, input: $input) { id label archivedAt } }\n": types.UpdateCustomFieldSettingDocument,
    "\n  mutation DeleteCustomFieldSetting($id: ID!) { deleteCustomField(id: $id) { id deletedAt } }\n": types.DeleteCustomFieldSettingDocument,
    "\n  mutation RestoreCustomFieldSetting($id: ID!) { restoreCustomField(id: $id) { id deletedAt } }\n": types.RestoreCustomFieldSettingDocument,
    "\n  mutation AddCustomFieldOptionSetting($id: ID!, $label: String!) { addCustomFieldOption(fieldId: $id, input: { label: $label }) { id options { id label } } }\n": types.AddCustomFieldOptionSettingDocument,
    "\n  query EmailTemplatesSettings { emailTemplates { id name subject body } }\n": types.EmailTemplatesSettingsDocument,
    "mutation CreateEmailTemplate($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }": types.CreateEmailTemplateDocument,
    "mutation UpdateEmailTemplate($id: ID!, $input: EmailTemplateInput!) { updateEmailTemplate(id: $id, input: $input) { id name subject body } }": types.UpdateEmailTemplateDocument,
    "mutation DeleteEmailTemplate($id: ID!) { deleteEmailTemplate(id: $id) }": types.DeleteEmailTemplateDocument,
    "\n  query WorkspaceExports {\n    workspaceExports(first: 20) {\n      edges { node { id format status recordsDone recordsTotal byteSize createdAt finishedAt expiresAt downloadUrl error } }\n    }\n  }\n": types.WorkspaceExportsDocument,
    "\n  mutation RequestWorkspaceExport($format: ExportFormat!) { requestWorkspaceExport(format: $format) { id status } }\n": types.RequestWorkspaceExportDocument,
    "\n  query ImportToMap($id: ID!) {\n    node(id: $id) {\n      ... on Import { id fileName format encoding delimiter headers recognised entity columns }\n    }\n  }\n": types.ImportToMapDocument,
    "\n  query ImportFields($entity: ImportEntity!) { importFields(entity: $entity) { key label } }\n": types.ImportFieldsDocument,
    "\n  query ImportPreview($id: ID!, $settings: ImportSettingsInput!) {\n    importPreview(id: $id, settings: $settings, first: 10) {\n      rowsChecked complete creates updates skips failures matchesInWorkspace duplicatesInFile\n      rows { number action match values errors }\n      failedRows { number errors }\n    }\n  }\n": types.ImportPreviewDocument,
    "\n  mutation StartImport($id: ID!, $settings: ImportSettingsInput!) { startImport(id: $id, settings: $settings) { id status } }\n": types.StartImportDocument,
    "\n  mutation UndoImport($id: ID!) { undoImport(id: $id) { id status } }\n": types.UndoImportDocument,
    "\n  subscription ImportProgress($id: ID!) {\n    importProgress(id: $id) { id status rowsRead createdCount updatedCount skippedCount failedCount error errorFileUrl }\n  }\n": types.ImportProgressDocument,
    "\n  query WorkspaceMembers {\n    workspace {\n      id name viewerRole\n      members { id role joinedAt user { id name email } }\n      invitations { id email role status expiresAt }\n    }\n  }\n": types.WorkspaceMembersDocument,
    "\n  mutation InviteMember($email: String!, $role: Role!) { inviteMember(email: $email, role: $role) { id email role status expiresAt } }\n": types.InviteMemberDocument,
    "\n  mutation ChangeMemberRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { id role } }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) }\n": types.RemoveMemberDocument,
    "\n  mutation RevokeInvitation($invitationId: ID!) { revokeInvitation(invitationId: $invitationId) { id status } }\n": types.RevokeInvitationDocument,
    "\n  mutation UpdatePreferences($input: PreferencesInput!) {\n    updatePreferences(input: $input) { id preferences { theme fontFamily fontSize } }\n  }\n": types.UpdatePreferencesDocument,
    "\n  mutation UpdateProfile($name: String!) { updateProfile(name: $name) { id name } }\n": types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query WorkspaceSettings { workspace { id name defaultPhoneCountry } }\n": types.WorkspaceSettingsDocument,
    "\n  mutation RenameWorkspace($name: String!) { renameWorkspace(name: $name) { id name } }\n": types.RenameWorkspaceDocument,
    "\n  mutation SetWorkspacePhoneCountry($country: String) { setWorkspacePhoneCountry(country: $country) { id defaultPhoneCountry } }\n": types.SetWorkspacePhoneCountryDocument,
    "\n  query AuditActors { workspace { id members { id user { id name } } } }\n": types.AuditActorsDocument,
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id action actorName actorUserId actorApiKeyId targetType targetId ip userAgent createdAt details } }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation DeleteMyAccount($password: String!) { deleteMyAccount(password: $password) }\n": types.DeleteMyAccountDocument,
    "\n  mutation RequestMyDataExport { requestMyDataExport }\n": types.RequestMyDataExportDocument,
    "\n  query WorkspacesPendingDeletion { workspacesPendingDeletion { workspaceId name purgeAfter } }\n": types.WorkspacesPendingDeletionDocument,
    "\n  mutation CancelWorkspaceDeletion($workspaceId: ID!) { cancelWorkspaceDeletion(workspaceId: $workspaceId) }\n": types.CancelWorkspaceDeletionDocument,
    "\n  mutation RequestWorkspaceDeletion($confirmName: String!, $password: String!, $workspaceId: ID) {\n    requestWorkspaceDeletion(confirmName: $confirmName, password: $password, workspaceId: $workspaceId)\n  }\n": types.RequestWorkspaceDeletionDocument,
    "\n  query MySessions {\n    me { id sessions { id browser os ipAddress userAgent createdAt expiresAt current } }\n  }\n": types.MySessionsDocument,
    "\n  mutation RevokeSession($sessionId: ID!) { revokeSession(sessionId: $sessionId) }\n": types.RevokeSessionDocument,
    "\n  query WorkspaceUsage($from: DateTime) {\n    workspaceUsage(from: $from) {\n      from to activeUsers apiCalls errors pageViews\n      days { day activeUsers apiCalls errors pageViews }\n      operations { name calls errors averageMs p95Ms }\n      topFeatures { name count }\n      topPages { name count }\n    }\n  }\n": types.WorkspaceUsageDocument,
    "\n  query WebhookDeliveries($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Webhook {\n        deliveries(first: 25) {\n          edges { node { id eventType status responseStatus responseMs attempts error createdAt deliveredAt } }\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) { id status } }\n": types.RedeliverWebhookDocument,
    "\n  mutation CreateWebhook($url: String!, $eventTypes: [String!]) {\n    createWebhook(url: $url, eventTypes: $eventTypes) { secret webhook { id url } }\n  }\n": types.CreateWebhookDocument,
    "\n  query Webhooks {\n    webhooks(first: 100) { edges { node { id url eventTypes isActive createdAt } } }\n  }\n": types.WebhooksDocument,
    "\n  mutation SetWebhookActive($id: ID!, $isActive: Boolean) { updateWebhook(id: $id, isActive: $isActive) { id isActive } }\n": types.SetWebhookActiveDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id url } } }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }\n": types.DeleteWebhookDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) { email workspaceName inviterName role expiresAt }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) { id workspace { id name } }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation CreateWorkspace($name: String!) {\n    createWorkspace(name: $name) { id name }\n  }\n": types.CreateWorkspaceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FeedEventFields on ActivityEvent { id cursor sequence verb entityType entityId actorId actorApiKeyId changes createdAt }\n"): (typeof documents)["\n  fragment FeedEventFields on ActivityEvent { id cursor sequence verb entityType entityId actorId actorApiKeyId changes createdAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedHistory($first: Int!) {\n    activityEvents(first: $first) { edges { node { ...FeedEventFields } } }\n    workspace { id members { id user { id name } } }\n  }\n"): (typeof documents)["\n  query FeedHistory($first: Int!) {\n    activityEvents(first: $first) { edges { node { ...FeedEventFields } } }\n    workspace { id members { id user { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FeedLive($after: String, $workspaceId: ID) { activityFeed(after: $after, workspaceId: $workspaceId) { ...FeedEventFields } }\n"): (typeof documents)["\n  subscription FeedLive($after: String, $workspaceId: ID) { activityFeed(after: $after, workspaceId: $workspaceId) { ...FeedEventFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedRecords($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Contact { id name }\n      ... on Company { id name }\n      ... on Deal { id name }\n      ... on Form { id name }\n      ... on Attachment { id name }\n      ... on Note { id body contact { id } company { id } deal { id } }\n      ... on Activity { id subject contact { id } company { id } deal { id } }\n      ... on Comment { id body deal { id } note { contact { id } company { id } deal { id } } }\n    }\n  }\n"): (typeof documents)["\n  query FeedRecords($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Contact { id name }\n      ... on Company { id name }\n      ... on Deal { id name }\n      ... on Form { id name }\n      ... on Attachment { id name }\n      ... on Note { id body contact { id } company { id } deal { id } }\n      ... on Activity { id subject contact { id } company { id } deal { id } }\n      ... on Comment { id body deal { id } note { contact { id } company { id } deal { id } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut { signOut }\n"): (typeof documents)["\n  mutation SignOut { signOut }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordFiles($recordId: ID!) {\n    attachments(recordId: $recordId, first: 50) {\n      totalCount\n      edges { node { id name size contentType downloadUrl createdAt uploadedBy { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query RecordFiles($recordId: ID!) {\n    attachments(recordId: $recordId, first: 50) {\n      totalCount\n      edges { node { id name size contentType downloadUrl createdAt uploadedBy { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingNotice { billingNotice { kind graceDaysLeft limit percentUsed } }\n"): (typeof documents)["\n  query BillingNotice { billingNotice { kind graceDaysLeft limit percentUsed } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkDeleteRecords($ids: [ID!]!) { bulkDeleteRecords(ids: $ids) { count } }\n"): (typeof documents)["\n  mutation BulkDeleteRecords($ids: [ID!]!) { bulkDeleteRecords(ids: $ids) { count } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BulkChoices($deals: Boolean!) {\n    workspace { id members { id user { id name } } }\n    tags { id name }\n    pipelines @include(if: $deals) { id name stages { id name } }\n  }\n"): (typeof documents)["\n  query BulkChoices($deals: Boolean!) {\n    workspace { id members { id user { id name } } }\n    tags { id name }\n    pipelines @include(if: $deals) { id name stages { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkUpdateRecords($ids: [ID!]!, $input: BulkUpdateInput!) { bulkUpdateRecords(ids: $ids, input: $input) { count } }\n"): (typeof documents)["\n  mutation BulkUpdateRecords($ids: [ID!]!, $input: BulkUpdateInput!) { bulkUpdateRecords(ids: $ids, input: $input) { count } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTag($name: String!) { createTag(name: $name) { id name } }\n"): (typeof documents)["\n  mutation CreateTag($name: String!) { createTag(name: $name) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyOptions {\n    companies(first: 100, sort: { field: NAME, direction: ASC }) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query CompanyOptions {\n    companies(first: 100, sort: { field: NAME, direction: ASC }) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomFilterFields($entity: CustomFieldEntity!) { customFields(entity: $entity) { id key label type options { id label } } }\n"): (typeof documents)["\n  query CustomFilterFields($entity: CustomFieldEntity!) { customFields(entity: $entity) { id key label type options { id label } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomValues($id: ID!, $entity: CustomFieldEntity!) {\n    customFields(entity: $entity) { id key label helpText type required options { id label colour } }\n    workspace { id members { id user { id name } } }\n    node(id: $id) {\n      id\n      ... on Contact { customFields { ...CustomValue } }\n      ... on Company { customFields { ...CustomValue } }\n      ... on Deal { customFields { ...CustomValue } }\n    }\n  }\n  fragment CustomValue on CustomFieldValue {\n    field { key }\n    ... on CustomTextValue { text }\n    ... on CustomNumberValue { number }\n    ... on CustomCurrencyValue { amount currency }\n    ... on CustomDateValue { date }\n    ... on CustomDateTimeValue { dateTime }\n    ... on CustomCheckboxValue { checked }\n    ... on CustomSelectValue { option { id } }\n    ... on CustomMultiSelectValue { options { id } }\n    ... on CustomMemberValue { member { id } }\n  }\n"): (typeof documents)["\n  query CustomValues($id: ID!, $entity: CustomFieldEntity!) {\n    customFields(entity: $entity) { id key label helpText type required options { id label colour } }\n    workspace { id members { id user { id name } } }\n    node(id: $id) {\n      id\n      ... on Contact { customFields { ...CustomValue } }\n      ... on Company { customFields { ...CustomValue } }\n      ... on Deal { customFields { ...CustomValue } }\n    }\n  }\n  fragment CustomValue on CustomFieldValue {\n    field { key }\n    ... on CustomTextValue { text }\n    ... on CustomNumberValue { number }\n    ... on CustomCurrencyValue { amount currency }\n    ... on CustomDateValue { date }\n    ... on CustomDateTimeValue { dateTime }\n    ... on CustomCheckboxValue { checked }\n    ... on CustomSelectValue { option { id } }\n    ... on CustomMultiSelectValue { options { id } }\n    ... on CustomMemberValue { member { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SaveContactCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateContact(id: $id, input: { customFields: $values }) { id } }"): (typeof documents)["mutation SaveContactCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateContact(id: $id, input: { customFields: $values }) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SaveCompanyCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateCompany(id: $id, input: { customFields: $values }) { id } }"): (typeof documents)["mutation SaveCompanyCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateCompany(id: $id, input: { customFields: $values }) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SaveDealCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateDeal(id: $id, input: { customFields: $values }) { id } }"): (typeof documents)["mutation SaveDealCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateDeal(id: $id, input: { customFields: $values }) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirstRunState {\n    workspace { id hasSampleData firstSteps { addedContact createdDeal invitedSomeone connectedEmail } }\n  }\n"): (typeof documents)["\n  query FirstRunState {\n    workspace { id hasSampleData firstSteps { addedContact createdDeal invitedSomeone connectedEmail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSampleData { addSampleData { id hasSampleData } }\n"): (typeof documents)["\n  mutation AddSampleData { addSampleData { id hasSampleData } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogCommunication($input: CommunicationInput!) { createCommunication(input: $input) { id } }\n"): (typeof documents)["\n  mutation LogCommunication($input: CommunicationInput!) { createCommunication(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NoteComments($noteId: ID!) {\n    comments(targetId: $noteId, first: 100) {\n      totalCount\n      edges { node { id body createdAt author { id name } mentions { user { id name } } } }\n    }\n  }\n"): (typeof documents)["\n  query NoteComments($noteId: ID!) {\n    comments(targetId: $noteId, first: 100) {\n      totalCount\n      edges { node { id body createdAt author { id name } mentions { user { id name } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentionMembers { workspace { id members { id user { id name } } } }\n"): (typeof documents)["\n  query MentionMembers { workspace { id members { id user { id name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateComment($input: CreateCommentInput!) { createComment(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateComment($input: CreateCommentInput!) { createComment(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SampleDataState { workspace { id hasSampleData } }\n"): (typeof documents)["\n  query SampleDataState { workspace { id hasSampleData } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveSampleData { removeSampleData { id hasSampleData } }\n"): (typeof documents)["\n  mutation RemoveSampleData { removeSampleData { id hasSampleData } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeepSampleData { keepSampleData { id hasSampleData } }\n"): (typeof documents)["\n  mutation KeepSampleData { keepSampleData { id hasSampleData } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPalette($query: String!) {\n    search(query: $query, first: 30) {\n      totalCount\n      countsCapped\n      countsByType { type count }\n      edges {\n        node {\n          type title snippet\n          record {\n            __typename\n            ... on Contact { id }\n            ... on Company { id }\n            ... on Deal { id }\n            ... on Form { id }\n            ... on Attachment { id downloadUrl }\n            ... on Note { id contact { id } company { id } deal { id } }\n            ... on Activity { id contact { id } company { id } deal { id } }\n            ... on Communication { id company { id } deal { id } contacts { id } }\n            ... on Comment { id deal { id } note { contact { id } company { id } deal { id } } activity { contact { id } company { id } deal { id } } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchPalette($query: String!) {\n    search(query: $query, first: 30) {\n      totalCount\n      countsCapped\n      countsByType { type count }\n      edges {\n        node {\n          type title snippet\n          record {\n            __typename\n            ... on Contact { id }\n            ... on Company { id }\n            ... on Deal { id }\n            ... on Form { id }\n            ... on Attachment { id downloadUrl }\n            ... on Note { id contact { id } company { id } deal { id } }\n            ... on Activity { id contact { id } company { id } deal { id } }\n            ... on Communication { id company { id } deal { id } contacts { id } }\n            ... on Comment { id deal { id } note { contact { id } company { id } deal { id } } activity { contact { id } company { id } deal { id } } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilterTags { tags { id name } }\n"): (typeof documents)["\n  query FilterTags { tags { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineEntry on TimelineItem {\n    __typename\n    ... on Activity { id subject type dueAt done createdAt }\n    ... on Note { id body createdAt createdBy { id name } }\n    ... on Comment { id body createdAt author { id name } }\n    ... on Communication {\n      id kind direction messageSubject: subject occurredAt fromAddress toAddresses messageBody: body durationSeconds outcome\n      email { threadId html subject source }\n    }\n    ... on Attachment { id name size downloadUrl createdAt }\n    ... on DealStageChange { id fromStageName toStageName changedAt changedBy { id name } }\n    ... on CustomFieldsChanged { id changedAt changedBy { id name } fields { key label } }\n  }\n"): (typeof documents)["\n  fragment TimelineEntry on TimelineItem {\n    __typename\n    ... on Activity { id subject type dueAt done createdAt }\n    ... on Note { id body createdAt createdBy { id name } }\n    ... on Comment { id body createdAt author { id name } }\n    ... on Communication {\n      id kind direction messageSubject: subject occurredAt fromAddress toAddresses messageBody: body durationSeconds outcome\n      email { threadId html subject source }\n    }\n    ... on Attachment { id name size downloadUrl createdAt }\n    ... on DealStageChange { id fromStageName toStageName changedAt changedBy { id name } }\n    ... on CustomFieldsChanged { id changedAt changedBy { id name } fields { key label } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNote($input: NoteInput!) { createNote(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateNote($input: NoteInput!) { createNote(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerification { resendVerificationEmail }\n"): (typeof documents)["\n  mutation ResendVerification { resendVerificationEmail }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveAiDraft($input: CommunicationInput!) { createCommunication(input: $input) { id } }\n"): (typeof documents)["\n  mutation SaveAiDraft($input: CommunicationInput!) { createCommunication(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AiSuggestNextSteps($input: AiNextStepsInput!) { aiSuggestNextSteps(input: $input) { steps { type subject reason dueAt } } }\n"): (typeof documents)["\n  mutation AiSuggestNextSteps($input: AiNextStepsInput!) { aiSuggestNextSteps(input: $input) { steps { type subject reason dueAt } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSuggestedActivity($input: ActivityInput!) { createActivity(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateSuggestedActivity($input: ActivityInput!) { createActivity(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWorkspaceAi($enabled: Boolean!) { setWorkspaceAi(enabled: $enabled) { available enabled model monthlyTokenBudget tokensUsedThisMonth budgetExhausted resetsAt } }\n"): (typeof documents)["\n  mutation SetWorkspaceAi($enabled: Boolean!) { setWorkspaceAi(enabled: $enabled) { available enabled model monthlyTokenBudget tokensUsedThisMonth budgetExhausted resetsAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AiProviderModels { aiProviderModels }\n"): (typeof documents)["\n  query AiProviderModels { aiProviderModels }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceAiUsage {\n    workspaceAiUsage {\n      from to inputTokens outputTokens requests\n      byFeature { feature inputTokens outputTokens requests }\n      byUser { userId userName inputTokens outputTokens requests }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceAiUsage {\n    workspaceAiUsage {\n      from to inputTokens outputTokens requests\n      byFeature { feature inputTokens outputTokens requests }\n      byUser { userId userName inputTokens outputTokens requests }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AiExtractPreview($extract: AiExtractContactInput) { aiPreview(extract: $extract) { model messages { role content } } }\n"): (typeof documents)["\n  query AiExtractPreview($extract: AiExtractContactInput) { aiPreview(extract: $extract) { model messages { role content } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AiExtractContact($input: AiExtractContactInput!) {\n    aiExtractContact(input: $input) { firstName lastName jobTitle companyName location emails phones profileUrls matches { id name } }\n  }\n"): (typeof documents)["\n  mutation AiExtractContact($input: AiExtractContactInput!) {\n    aiExtractContact(input: $input) { firstName lastName jobTitle companyName location emails phones profileUrls matches { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExtractedContact($input: ContactInput!) { createContact(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateExtractedContact($input: ContactInput!) { createContact(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateExtractedContact($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { id } }\n"): (typeof documents)["\n  mutation UpdateExtractedContact($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AiPreview($summary: AiSummaryInput, $draft: AiDraftInput, $nextSteps: AiNextStepsInput) {\n    aiPreview(summary: $summary, draft: $draft, nextSteps: $nextSteps) { model messages { role content } }\n  }\n"): (typeof documents)["\n  query AiPreview($summary: AiSummaryInput, $draft: AiDraftInput, $nextSteps: AiNextStepsInput) {\n    aiPreview(summary: $summary, draft: $draft, nextSteps: $nextSteps) { model messages { role content } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AiStream($summary: AiSummaryInput, $draft: AiDraftInput) {\n    aiStream(summary: $summary, draft: $draft) { delta done text subject items { __typename ... on Note { id } ... on Activity { id } ... on Communication { id } } }\n  }\n"): (typeof documents)["\n  subscription AiStream($summary: AiSummaryInput, $draft: AiDraftInput) {\n    aiStream(summary: $summary, draft: $draft) { delta done text subject items { __typename ... on Note { id } ... on Activity { id } ... on Communication { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceAi { workspaceAi { available enabled model monthlyTokenBudget tokensUsedThisMonth budgetExhausted resetsAt } }\n"): (typeof documents)["\n  query WorkspaceAi { workspaceAi { available enabled model monthlyTokenBudget tokensUsedThisMonth budgetExhausted resetsAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelsStatus { channelsStatus { emailSending sms } }\n"): (typeof documents)["\n  query ChannelsStatus { channelsStatus { emailSending sms } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelsAvailable { channelsStatus { available } }\n"): (typeof documents)["\n  query ChannelsAvailable { channelsStatus { available } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailTemplatesForCompose { emailTemplates { id name subject body } }\n"): (typeof documents)["\n  query EmailTemplatesForCompose { emailTemplates { id name subject body } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendEmail($input: SendEmailInput!) { sendEmail(input: $input) { id } }\n"): (typeof documents)["\n  mutation SendEmail($input: SendEmailInput!) { sendEmail(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendSms($input: SendSmsInput!) { sendSms(input: $input) { id } }\n"): (typeof documents)["\n  mutation SendSms($input: SendSmsInput!) { sendSms(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailTemplatePreview($subject: String, $body: String!) {\n    emailTemplatePreview(subject: $subject, body: $body) { subject body unknownFields mergeFields }\n  }\n"): (typeof documents)["\n  query EmailTemplatePreview($subject: String, $body: String!) {\n    emailTemplatePreview(subject: $subject, body: $body) { subject body unknownFields mergeFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NavViewCounts {\n    contacts: savedViews(list: CONTACT) { id name count }\n    companies: savedViews(list: COMPANY) { id name count }\n    deals: savedViews(list: DEAL) { id name count }\n  }\n"): (typeof documents)["\n  query NavViewCounts {\n    contacts: savedViews(list: CONTACT) { id name count }\n    companies: savedViews(list: COMPANY) { id name count }\n    deals: savedViews(list: DEAL) { id name count }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NavFeed($workspaceId: ID) { activityFeed(workspaceId: $workspaceId) { id entityType entityId } }\n"): (typeof documents)["\n  subscription NavFeed($workspaceId: ID) { activityFeed(workspaceId: $workspaceId) { id entityType entityId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SavedViewFields on SavedView { id name list shared ownedByViewer isDefault canEdit filter sort customSort columns { key width } missingFields count }\n"): (typeof documents)["\n  fragment SavedViewFields on SavedView { id name list shared ownedByViewer isDefault canEdit filter sort customSort columns { key width } missingFields count }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedViews($list: CustomFieldEntity!) { savedViews(list: $list) { ...SavedViewFields } }\n"): (typeof documents)["\n  query SavedViews($list: CustomFieldEntity!) { savedViews(list: $list) { ...SavedViewFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSavedView($input: CreateSavedViewInput!) { createSavedView(input: $input) { ...SavedViewFields } }\n"): (typeof documents)["\n  mutation CreateSavedView($input: CreateSavedViewInput!) { createSavedView(input: $input) { ...SavedViewFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSavedView($id: ID!, $input: UpdateSavedViewInput!) { updateSavedView(id: $id, input: $input) { ...SavedViewFields } }\n"): (typeof documents)["\n  mutation UpdateSavedView($id: ID!, $input: UpdateSavedViewInput!) { updateSavedView(id: $id, input: $input) { ...SavedViewFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSavedView($id: ID!) { deleteSavedView(id: $id) }\n"): (typeof documents)["\n  mutation DeleteSavedView($id: ID!) { deleteSavedView(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StarSavedView($list: CustomFieldEntity!, $id: ID) { setDefaultSavedView(list: $list, id: $id) }\n"): (typeof documents)["\n  mutation StarSavedView($list: CustomFieldEntity!, $id: ID) { setDefaultSavedView(list: $list, id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RecordChanged($id: ID!) { recordChanged(id: $id) { id verb entityType entityId } }\n"): (typeof documents)["\n  subscription RecordChanged($id: ID!) { recordChanged(id: $id) { id verb entityType entityId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      preferences { theme fontFamily fontSize }\n      workspaces { id name viewerRole viewerPermissions }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      preferences { theme fontFamily fontSize }\n      workspaces { id name viewerRole viewerPermissions }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActivitiesPage($first: Int!, $after: String, $filter: ActivityFilter) {\n    activities(first: $first, after: $after, filter: $filter, sort: { field: DUE_AT, direction: ASC }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id subject type done dueAt assignee { id name } contact { id name } company { id name } deal { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query ActivitiesPage($first: Int!, $after: String, $filter: ActivityFilter) {\n    activities(first: $first, after: $after, filter: $filter, sort: { field: DUE_AT, direction: ASC }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id subject type done dueAt assignee { id name } contact { id name } company { id name } deal { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteActivity($id: ID!, $done: Boolean!) { completeActivity(id: $id, done: $done) { id done doneAt } }\n"): (typeof documents)["\n  mutation CompleteActivity($id: ID!, $done: Boolean!) { completeActivity(id: $id, done: $done) { id done doneAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateActivity($input: ActivityInput!) { createActivity(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateActivity($input: ActivityInput!) { createActivity(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) { id }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { id emailVerified }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { id emailVerified }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompaniesPage($first: Int!, $after: String, $filter: CompanyFilter, $sort: CompanySort) {\n    companies(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name domain industry city country updatedAt } }\n    }\n  }\n"): (typeof documents)["\n  query CompaniesPage($first: Int!, $after: String, $filter: CompanyFilter, $sort: CompanySort) {\n    companies(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name domain industry city country updatedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyDetail($id: ID!) {\n    company(id: $id) {\n      id name domain website industry size phone city country owner { id name }\n      contacts(first: 20) { totalCount edges { node { id name jobTitle } } }\n      deals(first: 20) { totalCount edges { node { id name amount currency stage { id name } } } }\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n"): (typeof documents)["\n  query CompanyDetail($id: ID!) {\n    company(id: $id) {\n      id name domain website industry size phone city country owner { id name }\n      contacts(first: 20) { totalCount edges { node { id name jobTitle } } }\n      deals(first: 20) { totalCount edges { node { id name amount currency stage { id name } } } }\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCompany($id: ID!, $input: CompanyInput!) {\n    updateCompany(id: $id, input: $input) { id name domain website industry size phone city country updatedAt }\n  }\n"): (typeof documents)["\n  mutation UpdateCompany($id: ID!, $input: CompanyInput!) {\n    updateCompany(id: $id, input: $input) { id name domain website industry size phone city country updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCompany($input: CompanyInput!) { createCompany(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateCompany($input: CompanyInput!) { createCompany(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      id name firstName lastName jobTitle headline location lifecycleStage primaryEmail source\n      company { id name }\n      owner { id name }\n      createdAt updatedAt\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n"): (typeof documents)["\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      id name firstName lastName jobTitle headline location lifecycleStage primaryEmail source\n      company { id name }\n      owner { id name }\n      createdAt updatedAt\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      id name firstName lastName jobTitle headline location lifecycleStage primaryEmail updatedAt company { id name }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      id name firstName lastName jobTitle headline location lifecycleStage primaryEmail updatedAt company { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactsPage($first: Int!, $after: String, $filter: ContactFilter, $sort: ContactSort) {\n    contacts(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name primaryEmail jobTitle lifecycleStage updatedAt company { id name } owner { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query ContactsPage($first: Int!, $after: String, $filter: ContactFilter, $sort: ContactSort) {\n    contacts(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name primaryEmail jobTitle lifecycleStage updatedAt company { id name } owner { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContact($input: ContactInput!) { createContact(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateContact($input: ContactInput!) { createContact(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealBoard {\n    pipelines {\n      id name isDefault\n      stages { id name isWon isLost totalAmounts { currency amount dealCount } }\n    }\n  }\n"): (typeof documents)["\n  query DealBoard {\n    pipelines {\n      id name isDefault\n      stages { id name isWon isLost totalAmounts { currency amount dealCount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardDeals($pipelineId: ID!) {\n    deals(first: 100, filter: { pipelineId: $pipelineId }, sort: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      edges { node { id name amount currency stage { id } company { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query BoardDeals($pipelineId: ID!) {\n    deals(first: 100, filter: { pipelineId: $pipelineId }, sort: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      edges { node { id name amount currency stage { id } company { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveDeal($id: ID!, $stageId: ID!) {\n    moveDeal(id: $id, stageId: $stageId) { id status stage { id name } }\n  }\n"): (typeof documents)["\n  mutation MoveDeal($id: ID!, $stageId: ID!) {\n    moveDeal(id: $id, stageId: $stageId) { id status stage { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealDetail($id: ID!) {\n    deal(id: $id) {\n      id name amount currency status expectedCloseDate\n      stage { id name }\n      pipeline { id name stages { id name } }\n      company { id name }\n      owner { id name }\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n"): (typeof documents)["\n  query DealDetail($id: ID!) {\n    deal(id: $id) {\n      id name amount currency status expectedCloseDate\n      stage { id name }\n      pipeline { id name stages { id name } }\n      company { id name }\n      owner { id name }\n      timeline(first: 50) { edges { node { ...TimelineEntry } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDeal($id: ID!, $input: DealInput!) {\n    updateDeal(id: $id, input: $input) { id name amount amountMinor currency expectedCloseDate updatedAt }\n  }\n"): (typeof documents)["\n  mutation UpdateDeal($id: ID!, $input: DealInput!) {\n    updateDeal(id: $id, input: $input) { id name amount amountMinor currency expectedCloseDate updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveDealFromPage($id: ID!, $stageId: ID!) {\n    moveDeal(id: $id, stageId: $stageId) { id status stage { id name } }\n  }\n"): (typeof documents)["\n  mutation MoveDealFromPage($id: ID!, $stageId: ID!) {\n    moveDeal(id: $id, stageId: $stageId) { id status stage { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealsPage($first: Int!, $after: String, $filter: DealFilter, $sort: DealSort) {\n    deals(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name amount currency status expectedCloseDate stage { id name } company { id name } owner { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query DealsPage($first: Int!, $after: String, $filter: DealFilter, $sort: DealSort) {\n    deals(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name amount currency status expectedCloseDate stage { id name } company { id name } owner { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDeal($input: DealInput!) { createDeal(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateDeal($input: DealInput!) { createDeal(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FormEditor($id: ID!) {\n    form(id: $id) {\n      id name isActive publicKey\n      fields { key label type mapsTo required options customKey }\n      submissions(first: 1) { totalCount }\n    }\n  }\n"): (typeof documents)["\n  query FormEditor($id: ID!) {\n    form(id: $id) {\n      id name isActive publicKey\n      fields { key label type mapsTo required options customKey }\n      submissions(first: 1) { totalCount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateForm($input: CreateFormInput!) { createForm(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateForm($input: CreateFormInput!) { createForm(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateForm($id: ID!, $input: UpdateFormInput!) {\n    updateForm(id: $id, input: $input) { id name isActive fields { key label type mapsTo required options customKey } }\n  }\n"): (typeof documents)["\n  mutation UpdateForm($id: ID!, $input: UpdateFormInput!) {\n    updateForm(id: $id, input: $input) { id name isActive fields { key label type mapsTo required options customKey } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FormsList {\n    forms(first: 100) {\n      totalCount\n      edges { node { id name isActive publicKey createdAt fields { key } submissions(first: 1) { totalCount } } }\n    }\n  }\n"): (typeof documents)["\n  query FormsList {\n    forms(first: 100) {\n      totalCount\n      edges { node { id name isActive publicKey createdAt fields { key } submissions(first: 1) { totalCount } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuplicateSuggestions {\n    duplicateContacts {\n      reasons\n      a { id name primaryEmail company { id name } createdAt }\n      b { id name primaryEmail company { id name } createdAt }\n    }\n    duplicateCompanies {\n      reasons\n      a { id name domain createdAt }\n      b { id name domain createdAt }\n    }\n  }\n"): (typeof documents)["\n  query DuplicateSuggestions {\n    duplicateContacts {\n      reasons\n      a { id name primaryEmail company { id name } createdAt }\n      b { id name primaryEmail company { id name } createdAt }\n    }\n    duplicateCompanies {\n      reasons\n      a { id name domain createdAt }\n      b { id name domain createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeContacts($survivorId: ID!, $duplicateIds: [ID!]!) { mergeContacts(survivorId: $survivorId, duplicateIds: $duplicateIds) { id name } }\n"): (typeof documents)["\n  mutation MergeContacts($survivorId: ID!, $duplicateIds: [ID!]!) { mergeContacts(survivorId: $survivorId, duplicateIds: $duplicateIds) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeCompanies($survivorId: ID!, $duplicateIds: [ID!]!) { mergeCompanies(survivorId: $survivorId, duplicateIds: $duplicateIds) { id name } }\n"): (typeof documents)["\n  mutation MergeCompanies($survivorId: ID!, $duplicateIds: [ID!]!) { mergeCompanies(survivorId: $survivorId, duplicateIds: $duplicateIds) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($includeRevoked: Boolean) {\n    apiKeys(first: 100, includeRevoked: $includeRevoked) {\n      edges { node { id name role prefix createdAt expiresAt lastUsedAt lastUsedIp revokedAt createdBy { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($includeRevoked: Boolean) {\n    apiKeys(first: 100, includeRevoked: $includeRevoked) {\n      edges { node { id name role prefix createdAt expiresAt lastUsedAt lastUsedIp revokedAt createdBy { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix } } }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiKey($id: ID!) { rotateApiKey(id: $id) { secret apiKey { id name prefix } } }\n"): (typeof documents)["\n  mutation RotateApiKey($id: ID!) { rotateApiKey(id: $id) { secret apiKey { id name prefix } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Billing {\n    billing {\n      enabled planId planName status readOnly graceEndsAt trialEndsAt trialDaysLeft trialDaysWithCard trialDaysWithoutCard currentPeriodEnd seatsUsed seatsPaid canManageInPortal\n      usage { limit used allowed }\n      invoices { stripeId number status currency amountDue amountPaid hostedInvoiceUrl invoicePdf issuedAt paidAt }\n      plans { id name free }\n    }\n  }\n"): (typeof documents)["\n  query Billing {\n    billing {\n      enabled planId planName status readOnly graceEndsAt trialEndsAt trialDaysLeft trialDaysWithCard trialDaysWithoutCard currentPeriodEnd seatsUsed seatsPaid canManageInPortal\n      usage { limit used allowed }\n      invoices { stripeId number status currency amountDue amountPaid hostedInvoiceUrl invoicePdf issuedAt paidAt }\n      plans { id name free }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartBillingCheckout($planId: String!, $withCard: Boolean) { startBillingCheckout(planId: $planId, withCard: $withCard) }\n"): (typeof documents)["\n  mutation StartBillingCheckout($planId: String!, $withCard: Boolean) { startBillingCheckout(planId: $planId, withCard: $withCard) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteBillingCheckout($sessionId: String!) { completeBillingCheckout(sessionId: $sessionId) { planId status } }\n"): (typeof documents)["\n  mutation CompleteBillingCheckout($sessionId: String!) { completeBillingCheckout(sessionId: $sessionId) { planId status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenBillingPortal { openBillingPortal }\n"): (typeof documents)["\n  mutation OpenBillingPortal { openBillingPortal }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelsSettings {\n    channelsStatus { available mailOAuthProviders }\n    mySmtpAccount { id host port username fromAddress fromName }\n    inboundMail { enabled myAddress workspaceAddress createUnknownContacts }\n    myMailboxes { id host username privacy status lastError lastSyncedAt importedCount importEveryone excludedFolders }\n    phoneChannel { enabled number }\n  }\n"): (typeof documents)["\n  query ChannelsSettings {\n    channelsStatus { available mailOAuthProviders }\n    mySmtpAccount { id host port username fromAddress fromName }\n    inboundMail { enabled myAddress workspaceAddress createUnknownContacts }\n    myMailboxes { id host username privacy status lastError lastSyncedAt importedCount importEveryone excludedFolders }\n    phoneChannel { enabled number }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceSmtp { workspaceSmtpAccount { id host port username fromAddress fromName } }\n"): (typeof documents)["\n  query WorkspaceSmtp { workspaceSmtpAccount { id host port username fromAddress fromName } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetMySmtp($input: SmtpAccountInput!) { setMySmtpAccount(input: $input) { id } }"): (typeof documents)["mutation SetMySmtp($input: SmtpAccountInput!) { setMySmtpAccount(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetWorkspaceSmtp($input: SmtpAccountInput!) { setWorkspaceSmtpAccount(input: $input) { id } }"): (typeof documents)["mutation SetWorkspaceSmtp($input: SmtpAccountInput!) { setWorkspaceSmtpAccount(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveMySmtp { removeMySmtpAccount }"): (typeof documents)["mutation RemoveMySmtp { removeMySmtpAccount }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConnectMailbox($input: ConnectMailboxInput!) { connectMailbox(input: $input) { id } }"): (typeof documents)["mutation ConnectMailbox($input: ConnectMailboxInput!) { connectMailbox(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateMailboxPrivacy($id: ID!, $input: MailboxSettingsInput!) { updateMailbox(id: $id, input: $input) { id privacy } }"): (typeof documents)["mutation UpdateMailboxPrivacy($id: ID!, $input: MailboxSettingsInput!) { updateMailbox(id: $id, input: $input) { id privacy } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DisconnectMailbox($id: ID!, $deleteImported: Boolean!) { disconnectMailbox(id: $id, deleteImported: $deleteImported) }"): (typeof documents)["mutation DisconnectMailbox($id: ID!, $deleteImported: Boolean!) { disconnectMailbox(id: $id, deleteImported: $deleteImported) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartMailboxOAuth($input: StartMailboxOAuthInput!) { startMailboxOAuth(input: $input) }"): (typeof documents)["mutation StartMailboxOAuth($input: StartMailboxOAuthInput!) { startMailboxOAuth(input: $input) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetTwilioNumber($number: String) { setTwilioNumber(number: $number) { number } }"): (typeof documents)["mutation SetTwilioNumber($number: String) { setTwilioNumber(number: $number) { number } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomFieldSettings($entity: CustomFieldEntity!, $trash: Boolean) {\n    customFields(entity: $entity, includeArchived: true, trash: $trash) { id key label helpText type required archivedAt deletedAt options { id label colour } }\n  }\n"): (typeof documents)["\n  query CustomFieldSettings($entity: CustomFieldEntity!, $trash: Boolean) {\n    customFields(entity: $entity, includeArchived: true, trash: $trash) { id key label helpText type required archivedAt deletedAt options { id label colour } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomFieldSetting($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id key } }\n"): (typeof documents)["\n  mutation CreateCustomFieldSetting($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id key } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomFieldSetting($id: ID!, $input: UpdateCustomFieldInput!) { updateCustomField(id: $id, input: $input) { id label archivedAt } }\n"): (typeof documents)["\n  mutation UpdateCustomFieldSetting($id: ID!, $input: UpdateCustomFieldInput!) { updateCustomField(id: $id, input: $input) { id label archivedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCustomFieldSetting($id: ID!) { deleteCustomField(id: $id) { id deletedAt } }\n"): (typeof documents)["\n  mutation DeleteCustomFieldSetting($id: ID!) { deleteCustomField(id: $id) { id deletedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreCustomFieldSetting($id: ID!) { restoreCustomField(id: $id) { id deletedAt } }\n"): (typeof documents)["\n  mutation RestoreCustomFieldSetting($id: ID!) { restoreCustomField(id: $id) { id deletedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCustomFieldOptionSetting($id: ID!, $label: String!) { addCustomFieldOption(fieldId: $id, input: { label: $label }) { id options { id label } } }\n"): (typeof documents)["\n  mutation AddCustomFieldOptionSetting($id: ID!, $label: String!) { addCustomFieldOption(fieldId: $id, input: { label: $label }) { id options { id label } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailTemplatesSettings { emailTemplates { id name subject body } }\n"): (typeof documents)["\n  query EmailTemplatesSettings { emailTemplates { id name subject body } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateEmailTemplate($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }"): (typeof documents)["mutation CreateEmailTemplate($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateEmailTemplate($id: ID!, $input: EmailTemplateInput!) { updateEmailTemplate(id: $id, input: $input) { id name subject body } }"): (typeof documents)["mutation UpdateEmailTemplate($id: ID!, $input: EmailTemplateInput!) { updateEmailTemplate(id: $id, input: $input) { id name subject body } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteEmailTemplate($id: ID!) { deleteEmailTemplate(id: $id) }"): (typeof documents)["mutation DeleteEmailTemplate($id: ID!) { deleteEmailTemplate(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceExports {\n    workspaceExports(first: 20) {\n      edges { node { id format status recordsDone recordsTotal byteSize createdAt finishedAt expiresAt downloadUrl error } }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceExports {\n    workspaceExports(first: 20) {\n      edges { node { id format status recordsDone recordsTotal byteSize createdAt finishedAt expiresAt downloadUrl error } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestWorkspaceExport($format: ExportFormat!) { requestWorkspaceExport(format: $format) { id status } }\n"): (typeof documents)["\n  mutation RequestWorkspaceExport($format: ExportFormat!) { requestWorkspaceExport(format: $format) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportToMap($id: ID!) {\n    node(id: $id) {\n      ... on Import { id fileName format encoding delimiter headers recognised entity columns }\n    }\n  }\n"): (typeof documents)["\n  query ImportToMap($id: ID!) {\n    node(id: $id) {\n      ... on Import { id fileName format encoding delimiter headers recognised entity columns }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportFields($entity: ImportEntity!) { importFields(entity: $entity) { key label } }\n"): (typeof documents)["\n  query ImportFields($entity: ImportEntity!) { importFields(entity: $entity) { key label } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportPreview($id: ID!, $settings: ImportSettingsInput!) {\n    importPreview(id: $id, settings: $settings, first: 10) {\n      rowsChecked complete creates updates skips failures matchesInWorkspace duplicatesInFile\n      rows { number action match values errors }\n      failedRows { number errors }\n    }\n  }\n"): (typeof documents)["\n  query ImportPreview($id: ID!, $settings: ImportSettingsInput!) {\n    importPreview(id: $id, settings: $settings, first: 10) {\n      rowsChecked complete creates updates skips failures matchesInWorkspace duplicatesInFile\n      rows { number action match values errors }\n      failedRows { number errors }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartImport($id: ID!, $settings: ImportSettingsInput!) { startImport(id: $id, settings: $settings) { id status } }\n"): (typeof documents)["\n  mutation StartImport($id: ID!, $settings: ImportSettingsInput!) { startImport(id: $id, settings: $settings) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UndoImport($id: ID!) { undoImport(id: $id) { id status } }\n"): (typeof documents)["\n  mutation UndoImport($id: ID!) { undoImport(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ImportProgress($id: ID!) {\n    importProgress(id: $id) { id status rowsRead createdCount updatedCount skippedCount failedCount error errorFileUrl }\n  }\n"): (typeof documents)["\n  subscription ImportProgress($id: ID!) {\n    importProgress(id: $id) { id status rowsRead createdCount updatedCount skippedCount failedCount error errorFileUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceMembers {\n    workspace {\n      id name viewerRole\n      members { id role joinedAt user { id name email } }\n      invitations { id email role status expiresAt }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceMembers {\n    workspace {\n      id name viewerRole\n      members { id role joinedAt user { id name email } }\n      invitations { id email role status expiresAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($email: String!, $role: Role!) { inviteMember(email: $email, role: $role) { id email role status expiresAt } }\n"): (typeof documents)["\n  mutation InviteMember($email: String!, $role: Role!) { inviteMember(email: $email, role: $role) { id email role status expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { id role } }\n"): (typeof documents)["\n  mutation ChangeMemberRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { id role } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) }\n"): (typeof documents)["\n  mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($invitationId: ID!) { revokeInvitation(invitationId: $invitationId) { id status } }\n"): (typeof documents)["\n  mutation RevokeInvitation($invitationId: ID!) { revokeInvitation(invitationId: $invitationId) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePreferences($input: PreferencesInput!) {\n    updatePreferences(input: $input) { id preferences { theme fontFamily fontSize } }\n  }\n"): (typeof documents)["\n  mutation UpdatePreferences($input: PreferencesInput!) {\n    updatePreferences(input: $input) { id preferences { theme fontFamily fontSize } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($name: String!) { updateProfile(name: $name) { id name } }\n"): (typeof documents)["\n  mutation UpdateProfile($name: String!) { updateProfile(name: $name) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceSettings { workspace { id name defaultPhoneCountry } }\n"): (typeof documents)["\n  query WorkspaceSettings { workspace { id name defaultPhoneCountry } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameWorkspace($name: String!) { renameWorkspace(name: $name) { id name } }\n"): (typeof documents)["\n  mutation RenameWorkspace($name: String!) { renameWorkspace(name: $name) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWorkspacePhoneCountry($country: String) { setWorkspacePhoneCountry(country: $country) { id defaultPhoneCountry } }\n"): (typeof documents)["\n  mutation SetWorkspacePhoneCountry($country: String) { setWorkspacePhoneCountry(country: $country) { id defaultPhoneCountry } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActors { workspace { id members { id user { id name } } } }\n"): (typeof documents)["\n  query AuditActors { workspace { id members { id user { id name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id action actorName actorUserId actorApiKeyId targetType targetId ip userAgent createdAt details } }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id action actorName actorUserId actorApiKeyId targetType targetId ip userAgent createdAt details } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMyAccount($password: String!) { deleteMyAccount(password: $password) }\n"): (typeof documents)["\n  mutation DeleteMyAccount($password: String!) { deleteMyAccount(password: $password) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestMyDataExport { requestMyDataExport }\n"): (typeof documents)["\n  mutation RequestMyDataExport { requestMyDataExport }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspacesPendingDeletion { workspacesPendingDeletion { workspaceId name purgeAfter } }\n"): (typeof documents)["\n  query WorkspacesPendingDeletion { workspacesPendingDeletion { workspaceId name purgeAfter } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelWorkspaceDeletion($workspaceId: ID!) { cancelWorkspaceDeletion(workspaceId: $workspaceId) }\n"): (typeof documents)["\n  mutation CancelWorkspaceDeletion($workspaceId: ID!) { cancelWorkspaceDeletion(workspaceId: $workspaceId) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestWorkspaceDeletion($confirmName: String!, $password: String!, $workspaceId: ID) {\n    requestWorkspaceDeletion(confirmName: $confirmName, password: $password, workspaceId: $workspaceId)\n  }\n"): (typeof documents)["\n  mutation RequestWorkspaceDeletion($confirmName: String!, $password: String!, $workspaceId: ID) {\n    requestWorkspaceDeletion(confirmName: $confirmName, password: $password, workspaceId: $workspaceId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    me { id sessions { id browser os ipAddress userAgent createdAt expiresAt current } }\n  }\n"): (typeof documents)["\n  query MySessions {\n    me { id sessions { id browser os ipAddress userAgent createdAt expiresAt current } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($sessionId: ID!) { revokeSession(sessionId: $sessionId) }\n"): (typeof documents)["\n  mutation RevokeSession($sessionId: ID!) { revokeSession(sessionId: $sessionId) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceUsage($from: DateTime) {\n    workspaceUsage(from: $from) {\n      from to activeUsers apiCalls errors pageViews\n      days { day activeUsers apiCalls errors pageViews }\n      operations { name calls errors averageMs p95Ms }\n      topFeatures { name count }\n      topPages { name count }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceUsage($from: DateTime) {\n    workspaceUsage(from: $from) {\n      from to activeUsers apiCalls errors pageViews\n      days { day activeUsers apiCalls errors pageViews }\n      operations { name calls errors averageMs p95Ms }\n      topFeatures { name count }\n      topPages { name count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Webhook {\n        deliveries(first: 25) {\n          edges { node { id eventType status responseStatus responseMs attempts error createdAt deliveredAt } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Webhook {\n        deliveries(first: 25) {\n          edges { node { id eventType status responseStatus responseMs attempts error createdAt deliveredAt } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) { id status } }\n"): (typeof documents)["\n  mutation RedeliverWebhook($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($url: String!, $eventTypes: [String!]) {\n    createWebhook(url: $url, eventTypes: $eventTypes) { secret webhook { id url } }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($url: String!, $eventTypes: [String!]) {\n    createWebhook(url: $url, eventTypes: $eventTypes) { secret webhook { id url } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks(first: 100) { edges { node { id url eventTypes isActive createdAt } } }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhooks(first: 100) { edges { node { id url eventTypes isActive createdAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhookActive($id: ID!, $isActive: Boolean) { updateWebhook(id: $id, isActive: $isActive) { id isActive } }\n"): (typeof documents)["\n  mutation SetWebhookActive($id: ID!, $isActive: Boolean) { updateWebhook(id: $id, isActive: $isActive) { id isActive } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id url } } }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id url } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) { email workspaceName inviterName role expiresAt }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) { email workspaceName inviterName role expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) { id workspace { id name } }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) { id workspace { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkspace($name: String!) {\n    createWorkspace(name: $name) { id name }\n  }\n"): (typeof documents)["\n  mutation CreateWorkspace($name: String!) {\n    createWorkspace(name: $name) { id name }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;