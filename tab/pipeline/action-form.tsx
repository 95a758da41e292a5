import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ApiError, type Api } from '../api/client';
import type { Detail, FieldMessage, Verb } from '../api/types';
import type { Strings } from '../strings';
import { actionData, actionFields, isAbout } from './action-fields';

interface ActionFormProps {
  api: Api;
  strings: Strings;
  verb: Verb;
  referral: Detail;
  onDone(referral: Detail): void;
  /** Someone acted first: the referral as it is now. */
  onStale(current: Detail): void;
  onCancel(): void;
}

/**
 * One action's form. A 400 puts each field's message under it and keeps what was typed; a 409 says who acted first
 * (the server's message) and the form stays, so nothing typed is lost.
 */
export function ActionForm({ api, strings, verb, referral, onDone, onStale, onCancel }: ActionFormProps) {
  const { s } = strings;
  const fields = actionFields(strings, verb, referral);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((field) => [field.name, field.initial])),
  );
  const [fieldErrors, setFieldErrors] = useState<FieldMessage[]>([]);
  const [problem, setProblem] = useState('');
  const [isSaving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      onDone(await api.act(referral.id, verb, referral.version, actionData(values)));
    } catch (e) {
      const error = e instanceof ApiError ? e : undefined;
      setFieldErrors(error?.fields ?? []);
      const message = (e as Error).message;
      if (error?.isStale) {
        setProblem(s('action.stale', { message }));
        if (error.current) onStale(error.current);
      } else if (!error?.fields.length) setProblem(s('action.failed', { message }));
      else
        setProblem(
          unplacedMessages(
            error.fields,
            fields.map((field) => field.name),
          ),
        );
    } finally {
      setSaving(false);
    }
  };
  const unplacedMessages = (errors: FieldMessage[], names: string[]) =>
    errors
      .filter((error) => !names.some((name) => isAbout(verb, error.field, name)))
      .map((error) => strings.fieldMessage(error))
      .join(' ');

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={s(`action.${verb}`)}
      style={{ display: 'grid', gap: 10, marginTop: 12 }}
    >
      <h3 style={{ margin: 0, fontSize: 16 }}>{s(`action.${verb}`)}</h3>
      {problem && (
        <MessageBar intent={fieldErrors.length ? 'warning' : 'error'} role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {fields.map((field) => {
        const message = fieldErrors
          .filter((error) => isAbout(verb, error.field, field.name))
          .map((error) => strings.fieldMessage(error))
          .join(' ');
        const set = (value: string) => setValues((current) => ({ ...current, [field.name]: value }));
        const value = values[field.name] ?? '';
        return (
          <div key={field.name}>
            {field.heading && <h4 style={{ margin: '8px 0 4px', fontSize: 14 }}>{field.heading}</h4>}
            <Field
              label={field.label}
              required={field.required}
              validationState={message ? 'error' : 'none'}
              validationMessage={message || undefined}
            >
              {field.kind === 'choice' ? (
                <Select value={value} onChange={(_, data) => set(data.value)}>
                  <option value="">{s('action.choose')}</option>
                  {field.choices?.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </Select>
              ) : field.kind === 'multiline' ? (
                <Textarea value={value} maxLength={field.maxLength} onChange={(_, data) => set(data.value)} />
              ) : (
                <Input
                  type={field.kind === 'date' ? 'date' : 'text'}
                  value={value}
                  maxLength={field.maxLength}
                  onChange={(_, data) => set(data.value)}
                />
              )}
            </Field>
          </div>
        );
      })}
      <div style={{ display: 'flex', gap: 8 }}>
        <Button type="submit" appearance="primary" disabled={isSaving}>
          {s('action.submit')}
        </Button>
        <Button onClick={onCancel}>{s('action.cancel')}</Button>
      </div>
    </form>
  );
}
