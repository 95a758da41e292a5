import { Button, Checkbox, Field, Input, SearchBox, Select } from '@fluentui/react-components';
import { useEffect, useState, type CSSProperties } from 'react';
import { CUSTOMER_SIZES } from '../../core/referral';
import type { Filters, Me } from '../api/types';
import type { Strings } from '../strings';
import { hasFilters } from './initial-filters';

const AGES = ['1', '7', '30', '90'];
// Typing is not searching: the list asks again once the person pauses.
const SEARCH_PAUSE_MS = 300;

interface FilterBarProps {
  strings: Strings;
  filters: Filters;
  initial: Filters;
  me?: Me;
  onChange(changes: Partial<Filters>): void;
}

export function FilterBar({ strings, filters, initial, me, onChange }: FilterBarProps) {
  const { s, t } = strings;

  const channels = (me?.teams ?? []).flatMap((team) =>
    team.channels.map((channel) => ({
      value: channel.channelId,
      label: [team.name, channel.name ?? channel.channelId].filter(Boolean).join(' › '),
    })),
  );

  return (
    <section
      aria-label={s('filters.label')}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end', margin: '8px 0 12px' }}
    >
      <PausedText
        label={s('search.label')}
        isSearch
        value={filters.q}
        onChange={(q) => onChange({ q })}
        style={{ minWidth: 260 }}
      />
      <PausedText
        label={s('filter.region')}
        value={filters.region}
        onChange={(region) => onChange({ region })}
        style={{ width: 120 }}
      />
      <Field label={s('filter.channel')}>
        <Select value={filters.channel} onChange={(_, data) => onChange({ channel: data.value })}>
          <option value="">{s('filter.anyChannel')}</option>
          {channels.map((channel) => (
            <option key={channel.value} value={channel.value}>
              {channel.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s('filter.size')}>
        <Select value={filters.size} onChange={(_, data) => onChange({ size: data.value })}>
          <option value="">{s('filter.anySize')}</option>
          {CUSTOMER_SIZES.map((size) => (
            <option key={size} value={size}>
              {t(`size.${size}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s('filter.owner')}>
        <Select value={filters.owner} onChange={(_, data) => onChange({ owner: data.value })}>
          <option value="">{s('filter.anyOwner')}</option>
          <option value="me">{s('filter.mine')}</option>
          <option value="none">{s('filter.noOwner')}</option>
        </Select>
      </Field>
      <Field label={s('filter.age')}>
        <Select value={filters.ageDays} onChange={(_, data) => onChange({ ageDays: data.value })}>
          <option value="">{s('filter.anyAge')}</option>
          {AGES.map((days) => (
            <option key={days} value={days}>
              {s('filter.ageDays', { days })}
            </option>
          ))}
        </Select>
      </Field>
      <AmountField
        label={s('filter.minValue')}
        message={s('filter.badNumber')}
        value={filters.minValue}
        onChange={(minValue) => onChange({ minValue })}
      />
      <AmountField
        label={s('filter.maxValue')}
        message={s('filter.badNumber')}
        value={filters.maxValue}
        onChange={(maxValue) => onChange({ maxValue })}
      />
      <Checkbox
        label={s('filter.flame')}
        checked={filters.flame}
        onChange={(_, data) => onChange({ flame: data.checked === true })}
      />
      <Checkbox
        label={s('filter.coSell')}
        checked={filters.coSell}
        onChange={(_, data) => onChange({ coSell: data.checked === true })}
      />
      {hasFilters(filters, initial) && (
        <Button appearance="subtle" onClick={() => onChange({ ...initial, state: filters.state })}>
          {s('filter.clear')}
        </Button>
      )}
    </section>
  );
}

/** A value bound: what is typed stays as typed; only a number (or nothing) reaches the filters. */
function AmountField(props: {
  label: string;
  message: string;
  value: string;
  onChange(value: string): void;
}) {
  const [typed, setTyped] = useState(props.value);
  useEffect(() => setTyped(props.value), [props.value]);
  const isNumber = typed.trim() === '' || /^\d+(\.\d+)?$/.test(typed.trim().replace(/,/g, ''));
  return (
    <Field
      label={props.label}
      validationState={isNumber ? 'none' : 'error'}
      validationMessage={isNumber ? undefined : props.message}
    >
      <Input
        inputMode="decimal"
        value={typed}
        style={{ width: 130 }}
        onChange={(_, data) => {
          setTyped(data.value);
          const clean = data.value.trim().replace(/,/g, '');
          if (clean === '' || /^\d+(\.\d+)?$/.test(clean)) props.onChange(clean);
        }}
      />
    </Field>
  );
}

/** Text that filters once the person pauses typing; what is shown follows the filters when they are cleared. */
function PausedText(props: {
  label: string;
  value: string;
  isSearch?: boolean;
  style?: CSSProperties;
  onChange(value: string): void;
}) {
  const { value, onChange } = props;
  const [typed, setTyped] = useState(value);
  useEffect(() => setTyped(value), [value]);
  useEffect(() => {
    if (typed === value) return;
    const timer = setTimeout(() => onChange(typed), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, value, onChange]);
  return (
    <Field label={props.label}>
      {props.isSearch ? (
        <SearchBox value={typed} style={props.style} onChange={(_, data) => setTyped(data.value)} />
      ) : (
        <Input value={typed} style={props.style} onChange={(_, data) => setTyped(data.value)} />
      )}
    </Field>
  );
}
