/**
 * One form field as a card shows it: the input, and the message under it when the last submission was wrong.
 * Bound to a `FieldModel` (see referral-forms.ts); `$data` over `fields` repeats it per field.
 */
export const FIELDS_TEMPLATE = {
  type: 'Container',
  $data: '${fields}',
  spacing: 'small',
  items: [
    {
      type: 'TextBlock',
      $when: '${hasHeading}',
      text: '${heading}',
      weight: 'bolder',
      separator: true,
      spacing: 'medium',
      wrap: true,
    },
    {
      type: 'Input.Text',
      $when: "${kind == 'text'}",
      id: '${id}',
      label: '${label}',
      value: '${value}',
      placeholder: '${placeholder}',
      isRequired: '${required}',
      isMultiline: '${multiline}',
      maxLength: '${maxLength}',
      errorMessage: '${errorMessage}',
    },
    {
      type: 'Input.Date',
      $when: "${kind == 'date'}",
      id: '${id}',
      label: '${label}',
      value: '${value}',
      isRequired: '${required}',
      errorMessage: '${errorMessage}',
    },
    {
      type: 'Input.ChoiceSet',
      $when: "${kind == 'choice' && dataset == ''}",
      id: '${id}',
      label: '${label}',
      value: '${value}',
      style: 'compact',
      placeholder: '${placeholder}',
      isRequired: '${required}',
      errorMessage: '${errorMessage}',
      choices: [{ $data: '${choices}', title: '${title}', value: '${value}' }],
    },
    {
      // Typeahead: Teams asks the bot for matches as the person types (an `application/search` invoke with this
      // dataset); a client that cannot shows the listed choices instead.
      type: 'Input.ChoiceSet',
      $when: "${kind == 'choice' && dataset != ''}",
      id: '${id}',
      label: '${label}',
      value: '${value}',
      style: 'filtered',
      placeholder: '${placeholder}',
      isRequired: '${required}',
      errorMessage: '${errorMessage}',
      choices: [{ $data: '${choices}', title: '${title}', value: '${value}' }],
      'choices.data': { type: 'Data.Query', dataset: '${dataset}' },
    },
    {
      type: 'TextBlock',
      $when: '${hasError}',
      text: '${error}',
      color: 'attention',
      size: 'small',
      wrap: true,
      spacing: 'none',
    },
  ],
};

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
