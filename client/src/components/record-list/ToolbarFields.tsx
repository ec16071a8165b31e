import type { Component } from 'solid-js';
import { SelectField } from '../Field';

/** A select in a list's toolbar: which values it offers, and what it adds to the list's filter. */
export interface Choice {
  /** The end of the select's id: `${list}-${id}`. */
  id: string;
  /** The filter field it sets. */
  key: string;
  label: string;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  /** Offer "Any" (the empty value) before the options. */
  any?: boolean;
  initial?: string;
  /** The filter value for a chosen value; by default the value itself, or null for "Any". */
  toFilter?: (value: string) => unknown;
}

export const ChoiceField: Component<{ list: string; choice: Choice; value: string; onChange: (value: string) => void }> = (props) => (
  <SelectField
    inline
    id={`${props.list}-${props.choice.id}`}
    label={props.choice.label}
    options={props.choice.options}
    any={props.choice.any}
    value={props.value}
    onChange={props.onChange}
  />
);

export const SearchField: Component<{ list: string; placeholder: string; value: string; onChange: (value: string) => void }> = (props) => (
  <div class="field inline">
    <label for={`${props.list}-search`}>Search</label>
    <input
      id={`${props.list}-search`}
      type="search"
      placeholder={props.placeholder}
      value={props.value}
      onInput={(e) => props.onChange(e.currentTarget.value)}
    />
  </div>
);
