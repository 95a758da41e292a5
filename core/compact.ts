/**
 * A copy of `value` without its undefined properties. The MongoDB driver stores an undefined property as null,
 * which would come back as null where the types promise a value or nothing; so the core never hands out one.
 */
export function compact<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) copy[key] = item;
  }
  return copy as T;
}
