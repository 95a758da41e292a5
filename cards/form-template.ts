import { when, type CardElement } from './render';

/**
 * One form field as a card shows it: the input, with a heading above it when it opens a group, and the message
 * under it when the last submission was wrong. Built from a `FieldModel` (see referral-forms.ts).
 */
export function fieldElement(field: FieldModel): CardElement {
  const common = {
    id: field.id,
    label: field.label,
    value: field.value,
    isRequired: field.required,
    errorMessage: field.errorMessage,
  };
  const choices = field.choices.map(({ title, value }) => ({ title, value }));
  const inputs: Record<FieldModel['kind'], CardElement> = {
    text: {
      type: 'Input.Text',
      ...common,
      placeholder: field.placeholder,
      isMultiline: field.multiline,
      maxLength: field.maxLength,
    },
    date: { type: 'Input.Date', ...common },
    // Typeahead: Teams asks the bot for matches as the person types (an `application/search` invoke with this
    // dataset); a client that cannot shows the listed choices instead.
    choice: field.dataset
      ? {
          type: 'Input.ChoiceSet',
          ...common,
          style: 'filtered',
          placeholder: field.placeholder,
          choices,
          'choices.data': { type: 'Data.Query', dataset: field.dataset },
        }
      : { type: 'Input.ChoiceSet', ...common, style: 'compact', placeholder: field.placeholder, choices },
  };
  return {
    type: 'Container',
    spacing: 'small',
    items: [
      ...when(field.hasHeading, {
        type: 'TextBlock',
        text: field.heading,
        weight: 'bolder',
        separator: true,
        spacing: 'medium',
        wrap: true,
      }),
      inputs[field.kind],
      ...when(field.hasError, {
        type: 'TextBlock',
        text: field.error,
        color: 'attention',
        size: 'small',
        wrap: true,
        spacing: 'none',
      }),
    ],
  };
}

export interface FieldModel {
  id: string;
  /** A heading above the field that opens a group of fields (the optional deal registration on Won). */
  heading: string;
  hasHeading: boolean;
  kind: 'text' | 'date' | 'choice';
  label: string;
  value: string;
  placeholder: string;
  required: boolean;
  multiline: boolean;
  maxLength: number;
  choices: { title: string; value: string }[];
  /** For a typeahead choice: the dataset the bot searches; empty for a plain list. */
  dataset: string;
  hasError: boolean;
  error: string;
  errorMessage: string;
}
