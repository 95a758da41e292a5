// Questions the card specs ask of a card's JSON, the way a person scanning it in Teams would.
import { commit, decide, receive, type Command } from '../../core/lifecycle';
import type { ReferralEvent } from '../../core/events';
import type { Actor, Referral } from '../../core/referral';
import { incomingReferral, partnerCenter, REFERRAL_ID, RECEIVED_AT } from '../core/fixtures';

type Node = Record<string, unknown>;

function walk(node: unknown, visit: (node: Node, siblings: unknown[], index: number) => void): void {
  if (Array.isArray(node)) {
    node.forEach((child, index) => {
      if (child && typeof child === 'object' && !Array.isArray(child)) visit(child as Node, node, index);
      walk(child, visit);
    });
  } else if (node && typeof node === 'object') Object.values(node).forEach((child) => walk(child, visit));
}

/** Every element with `type` set, in document order. */
export function elements(card: unknown, type?: string): Node[] {
  const found: Node[] = [];
  walk(card, (node) => {
    if (typeof node['type'] === 'string' && (!type || node['type'] === type)) found.push(node);
  });
  return found;
}

/** The ids of every input on the card, forms in ShowCards included. */
export function inputIds(card: unknown): string[] {
  return elements(card)
    .filter((node) => String(node['type']).startsWith('Input.'))
    .map((node) => String(node['id']));
}

export function input(card: unknown, id: string): Node | undefined {
  return elements(card).find((node) => node['id'] === id);
}

/** The element drawn right after the input `id`, in the same container. */
export function elementAfter(card: unknown, id: string): Node | undefined {
  let after: Node | undefined;
  walk(card, (node, siblings, index) => {
    if (node['id'] === id) after = siblings[index + 1] as Node | undefined;
  });
  return after;
}

/** The card's top-level buttons: ShowCard titles and Execute verbs. */
export function topActions(card: Node): Node[] {
  return (card['actions'] as Node[] | undefined) ?? [];
}

/** The texts of the card body only (not of its ShowCard forms). */
export function bodyTexts(card: Node): string[] {
  return elements(card['body'], 'TextBlock').map((node) => String(node['text']));
}

/** A referral taken through `commands`, and the events that did it, oldest first (what `extras.history` holds). */
export function journey(steps: [Command, Actor, Date][]): { referral: Referral; events: ReferralEvent[] } {
  const received = receive(incomingReferral(), REFERRAL_ID, partnerCenter, RECEIVED_AT);
  let referral = received.referral;
  const events = [received.event];
  for (const [command, actor, at] of steps) {
    const decision = decide(referral, command, at);
    if (!decision.ok) throw new Error(`journey: ${command.type} refused`);
    const committed = commit(referral, decision.value, actor, at);
    referral = committed.referral;
    events.push(committed.event);
  }
  return { referral, events };
}
