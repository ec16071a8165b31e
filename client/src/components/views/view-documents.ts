import { graphql } from '../../gql';

graphql(`
  fragment SavedViewFields on SavedView { id name list shared ownedByViewer isDefault canEdit filter sort customSort columns { key width } missingFields count }
`);

export const SavedViews = graphql(`
  query SavedViews($list: CustomFieldEntity!) { savedViews(list: $list) { ...SavedViewFields } }
`);

export const CreateView = graphql(`
  mutation CreateSavedView($input: CreateSavedViewInput!) { createSavedView(input: $input) { ...SavedViewFields } }
`);

export const UpdateView = graphql(`
  mutation UpdateSavedView($id: ID!, $input: UpdateSavedViewInput!) { updateSavedView(id: $id, input: $input) { ...SavedViewFields } }
`);

export const DeleteView = graphql(`
  mutation DeleteSavedView($id: ID!) { deleteSavedView(id: $id) }
`);

export const StarView = graphql(`
  mutation StarSavedView($list: CustomFieldEntity!, $id: ID) { setDefaultSavedView(list: $list, id: $id) }
`);
