// The package's main entry is ESM that Node cannot load; its UMD bundle is the same SDK.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

// Teams renders these; the SDK does not know them, so cards must give each a fallback (checked below).
const TEAMS_ONLY_ELEMENTS = [
  'Chart.Donut',
  'Chart.VerticalBar',
  'Chart.Pie',
  'Chart.Line',
  'Chart.HorizontalBar',
];
// Teams' maximum message size is ~100 KB including the envelope; cards stay well under it.
export const MAX_CARD_BYTES = 80 * 1024;

/**
 * Everything the adaptivecards SDK says about a card: parse events and validation issues, as messages.
 * An empty list means Teams will render it as designed.
 */
export function cardProblems(card: object): string[] {
  const problems: string[] = [];
  const size = Buffer.byteLength(JSON.stringify(card));
  if (size > MAX_CARD_BYTES) problems.push(`card is ${size} bytes, over ${MAX_CARD_BYTES}`);
  const adaptiveCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  adaptiveCard.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const { message } = context.getEventAt(i) as { message: string };
    const teamsOnly = TEAMS_ONLY_ELEMENTS.some((type) => message.includes(`"${type}"`));
    if (!teamsOnly) problems.push(`parse: ${message}`);
  }
  for (const issue of adaptiveCard.validateProperties().validationEvents as { message: string }[]) {
    problems.push(`validate: ${issue.message}`);
  }
  problems.push(...missingFallbacks(card));
  return problems;
}

function missingFallbacks(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => missingFallbacks(child, `${path}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own =
    typeof record['type'] === 'string' && TEAMS_ONLY_ELEMENTS.includes(record['type']) && !record['fallback']
      ? [`${path}: ${record['type']} has no fallback`]
      : [];
  return [...own, ...Object.entries(record).flatMap(([k, v]) => missingFallbacks(v, `${path}.${k}`))];
}
