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
      $when: "${kind == 'choice'}",
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
  hasError: boolean;
  error: string;
  errorMessage: string;
}
