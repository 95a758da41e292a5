// After a 412: does the decision still mean something in Partner Center as it is now?
import type { ReferralEvent } from '../core/events';
import { isSame } from '../core/source-update';
import { targetStatusOf, type JsonPatchOperation } from './write-back-patch';

/** `applied`: Partner Center already shows it; `superseded`: it moved on and the decision no longer fits. */
export type Assessment = 'send' | 'applied' | 'superseded';

/** Declining and expiring answer a New referral; once accepted or closed elsewhere they no longer fit. */
const NEEDS_NEW: readonly string[] = ['declined', 'expired'];

export function assessAgainst(
  event: ReferralEvent,
  operations: JsonPatchOperation[],
  current: Record<string, unknown>,
): Assessment {
  const target = targetStatusOf(event);
  if (target && current.status === target.status && current.substatus === target.substatus) return 'applied';
  if (current.status === 'Closed') return 'superseded';
  if (NEEDS_NEW.includes(event.type) && current.status !== 'New') return 'superseded';
  if (!target && operations.every((operation) => isReflected(operation, current))) return 'applied';
  return 'send';
}

/** Whether Partner Center already holds what the operation would write (a member added earlier counts). */
function isReflected(operation: JsonPatchOperation, current: Record<string, unknown>): boolean {
  const segments = operation.path.split('/').slice(1);
  if (operation.op === 'add' && segments.at(-1) === '-') {
    const list = valueAt(current, segments.slice(0, -1));
    return Array.isArray(list) && list.some((item) => isSameMember(item, operation.value));
  }
  return isSame(valueAt(current, segments), operation.value);
}

function valueAt(json: unknown, segments: string[]): unknown {
  return segments.reduce<unknown>(
    (node, key) =>
      typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
    json,
  );
}

function isSameMember(item: unknown, wanted: unknown): boolean {
  const a = (item ?? {}) as Record<string, unknown>;
  const b = (wanted ?? {}) as Record<string, unknown>;
  return ['firstName', 'lastName', 'email'].every((key) => (a[key] ?? '') === (b[key] ?? ''));
}
