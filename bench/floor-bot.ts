// The floor for a click: the smallest bot botbuilder's own samples would build (CloudAdapter and
// TeamsActivityHandler on restify, no authentication as in local mode) whose card action does one point read and
// one insert on the same embedded store, in its own database, and answers with a small card. What the service
// costs above this is what the service itself adds.
// eslint-disable-next-line no-restricted-imports -- the floor is a bare botbuilder bot, by design
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { receive } from '../core/lifecycle';
import { parseIncomingReferral } from '../core/intake';
import type { Referral } from '../core/referral';
import { EMBEDDED_STORE_POOL_SIZE } from '../app/config';
import { connectStore, type StoreConnection } from '../storage/mongo';
import { sampleReferralJson } from '../test/support/sample-referral';

export interface FloorBot {
  url: string;
  /** Ids of referrals the floor's store holds, to click on. */
  referralIds: string[];
  stop(): Promise<void>;
}

class FloorBotHandler extends TeamsActivityHandler {
  constructor(private readonly connection: StoreConnection) {
    super();
  }

  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data = invoke.action.data as { referralId?: string };
    const { db } = this.connection;
    const referral = await db
      .collection<{ _id: string }>('referrals')
      .findOne({ _id: data.referralId ?? '' });
    await db.collection('clicks').insertOne({
      _id: randomUUID() as never,
      referralId: data.referralId,
      verb: invoke.action.verb,
      at: new Date(),
    });
    const card = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [{ type: 'TextBlock', text: `${referral ? 'Accepted' : 'Not found'}: ${data.referralId}` }],
    };
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
  }
}

/** The same sample referral the service would hold, as a New projection, for the floor to read. */
function seedReferral(i: number, now: Date): Referral & { _id: string } {
  const parsed = parseIncomingReferral(sampleReferralJson(`floor-${i}`), 'bench', now);
  if (!parsed.ok) throw new Error('sample referral invalid');
  const { referral } = receive(
    parsed.value,
    `floor-${i}`,
    { kind: 'source', id: 'bench', name: 'Bench' },
    now,
  );
  return { _id: referral.id, ...referral };
}

/** Starts the floor bot on `database` of the store at `storeUri`, holding `referrals` referrals to click on. */
export async function startFloorBot(
  storeUri: string,
  database: string,
  referrals: number,
): Promise<FloorBot> {
  const connection = await connectStore(storeUri, database, 10_000, EMBEDDED_STORE_POOL_SIZE);
  const seeds = Array.from({ length: referrals }, (_, i) => seedReferral(i, new Date()));
  await connection.db.collection('referrals').deleteMany({});
  await connection.db.collection<{ _id: string }>('referrals').insertMany(seeds);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new FloorBotHandler(connection);
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    referralIds: seeds.map((s) => s._id),
    async stop() {
      await new Promise<void>((done) => server.close(() => done()));
      await connection.close();
    },
  };
}
