/**
 * Every input on a referral card is named `<verb>.<field>` (several forms share one card, and input ids must be
 * unique in it). This turns a submission back into the fields the core's input parsers take.
 */
export function formFields(verb: string, data: Record<string, unknown>): Record<string, unknown> {
  const prefix = `${verb}.`;
  const fields: Record<string, unknown> = {};
  const contacts = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    const contact = /^contacts\.(\d+)\.(\w+)$/.exec(name);
    if (contact) {
      const index = Number(contact[1]);
      contacts.set(index, { ...contacts.get(index), [contact[2]!]: value });
    } else fields[name] = value;
  }
  const named = [...contacts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, contact]) => contact)
    .filter((contact) => Object.values(contact).some((v) => typeof v === 'string' && v.trim() !== ''));
  if (named.length > 0) fields['contacts'] = named;
  return fields;
}

/** The input id a core field error belongs to, for a form of `verb`. */
export const inputIdOf = (verb: string, field: string) => `${verb}.${field}`;
