import { isIP } from 'node:net';

export type Env = Record<string, string | undefined>;

/** Reads typed settings from the environment, collecting every problem so the start names them all at once. */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  problem(text: string): void {
    this.problems.push(text);
  }

  /** The trimmed value; unset and empty are the same. */
  text(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    this.problem(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problem(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  }

  /** Comma-separated values, blanks dropped; undefined when unset. */
  list(name: string): string[] | undefined {
    return this.text(name)
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  }

  /**
   * An https URL with no credentials, query or fragment (secrets and tokens are sent to it). Plain http only to a
   * loopback address, where the tests' peers run.
   */
  url(name: string, fallback: string): string {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      url = undefined;
    }
    const host = url?.hostname.replace(/^\[|\]$/g, '') ?? '';
    const isLoopback = host === 'localhost' || (isIP(host) !== 0 && /^(127\.|::1$)/.test(host));
    const isAllowed =
      url !== undefined &&
      (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback)) &&
      !url.username &&
      !url.password &&
      !url.search &&
      !url.hash;
    if (isAllowed) return raw.replace(/\/+$/, '');
    this.problem(`${name} must be an https URL without credentials, query or fragment (got "${raw}")`);
    return fallback;
  }
}
