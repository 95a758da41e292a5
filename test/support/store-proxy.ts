import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { BSON } from 'mongodb';

/** A store command as the proxy saw it go by: `insert` into `referral_events`, `update` on `open_referrals`… */
export interface StoreCommand {
  command: string;
  collection: string;
}

/**
 * Where to make the service die. `before`: the matching command never reaches the store. `after-reply`: the store
 * ran it and its reply is passed on, and the process dies right after (whether it read the reply or not, it does
 * nothing more: nothing it sends later is passed on).
 */
export interface KillRule extends StoreCommand {
  at: 'before' | 'after-reply';
  /** The nth matching command since the rule was set; the first unless told. */
  nth?: number;
}

/**
 * A MongoDB wire-protocol relay on loopback between the service and its store, which can kill the service at an
 * exact step of a write path without any hook in the service's code.
 */
export interface StoreProxy {
  /** Give this to the service as MONGODB_URI. */
  readonly uri: string;
  /** Every command seen, in arrival order: passed on, or stopped by a rule (after a kill, nothing more). */
  readonly seen: StoreCommand[];
  /**
   * Once `rule` matches, calls `kill` (SIGKILL the service) and from then on passes nothing on for the connections
   * open at that moment, which it closes; connections made afterwards (the restarted service's) are relayed as
   * usual. Resolves when the rule fired. One rule at a time.
   */
  killOn(rule: KillRule, kill: () => void): Promise<void>;
  close(): Promise<void>;
}

const HEADER_BYTES = 16;
const OP_MSG = 2013;
const CHECKSUM_PRESENT = 1;

interface Frame {
  bytes: Buffer;
  requestId: number;
  responseTo: number;
  /** Only for an OP_MSG whose body names a command and a collection. */
  command?: StoreCommand;
}

/**
 * The command of an OP_MSG: its body (section kind 0, one BSON document) has the command's name as its first key
 * and, for collection commands, the collection's name as that key's value. Other opcodes pass unparsed.
 */
function commandOf(message: Buffer): StoreCommand | undefined {
  if (message.readInt32LE(12) !== OP_MSG) return undefined;
  const flags = message.readUInt32LE(HEADER_BYTES);
  const end = message.length - (flags & CHECKSUM_PRESENT ? 4 : 0);
  let offset = HEADER_BYTES + 4;
  while (offset < end) {
    const kind = message[offset]!;
    offset += 1;
    const size = message.readInt32LE(offset);
    if (kind === 0) {
      const body = BSON.deserialize(message.subarray(offset, offset + size));
      const [command, collection] = Object.entries(body)[0] ?? [];
      return command && typeof collection === 'string' ? { command, collection } : undefined;
    }
    // Kind 1, a document sequence: its size covers itself and its identifier.
    offset += size;
  }
  return undefined;
}

/** Cuts a byte stream into whole wire-protocol messages (each starts with its own length). */
function framer(onFrame: (frame: Frame) => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= HEADER_BYTES) {
      const length = pending.readInt32LE(0);
      if (pending.length < length) break;
      const bytes = pending.subarray(0, length);
      pending = pending.subarray(length);
      onFrame({
        bytes,
        requestId: bytes.readInt32LE(4),
        responseTo: bytes.readInt32LE(8),
        command: commandOf(bytes),
      });
    }
  };
}

const matches = (rule: StoreCommand, command: StoreCommand | undefined) =>
  command?.command === rule.command && command.collection === rule.collection;

export async function startStoreProxy(storeUri: string): Promise<StoreProxy> {
  const { hostname, port } = new URL(storeUri);
  const open = new Set<Socket>();
  const seen: StoreCommand[] = [];
  let armed: { rule: KillRule; kill: () => void; count: number; fired: () => void } | undefined;

  /** The rule fired: the service dies, and what it had open is passed on no further. */
  function fire() {
    const { kill, fired } = armed!;
    armed = undefined;
    kill();
    for (const socket of open) socket.destroy();
    open.clear();
    fired();
  }

  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    const pair = [client, upstream];
    const isCut = () => !open.has(client);
    // Request ids (on this connection) whose reply is the moment to kill.
    const killAfterReplyTo = new Set<number>();
    for (const socket of pair) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => {
        for (const s of pair) {
          open.delete(s);
          s.destroy();
        }
      });
    }
    client.on(
      'data',
      framer((frame) => {
        if (isCut()) return;
        if (frame.command) seen.push(frame.command);
        if (armed && matches(armed.rule, frame.command) && ++armed.count === (armed.rule.nth ?? 1)) {
          if (armed.rule.at === 'before') return fire();
          killAfterReplyTo.add(frame.requestId);
        }
        upstream.write(frame.bytes);
      }),
    );
    upstream.on(
      'data',
      framer((frame) => {
        if (isCut()) return;
        client.write(frame.bytes);
        if (killAfterReplyTo.has(frame.responseTo)) fire();
      }),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));

  return {
    uri: `mongodb://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    seen,
    killOn(rule, kill) {
      if (armed) throw new Error('store proxy: a kill rule is already set');
      return new Promise<void>((fired) => {
        armed = { rule, kill, count: 0, fired };
      });
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of open) socket.destroy();
        server.close(() => done());
      }),
  };
}
