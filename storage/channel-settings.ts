import type { Db } from 'mongodb';
import type { ChannelSettings } from '../core/routing';
import { RecentReads } from './recent-reads';

export type { ChannelSettings };

export interface ChannelSettingsStore {
  get(channelId: string): Promise<ChannelSettings | undefined>;
  save(settings: ChannelSettings): Promise<void>;
  list(): Promise<ChannelSettings[]>;
}

type SettingsDoc = ChannelSettings & { _id: string };
export const CHANNEL_SETTINGS = 'channel_settings';

/** How long a channel's settings read is reused: every card drawn for the channel reads them. */
const SETTINGS_READS_KEPT_MS = 5_000;

export function channelSettings(db: Db): ChannelSettingsStore {
  const collection = db.collection<SettingsDoc>(CHANNEL_SETTINGS);
  const strip = ({ _id: _ignored, ...settings }: SettingsDoc): ChannelSettings => settings;
  const recent = new RecentReads<ChannelSettings>({ maxAgeMs: SETTINGS_READS_KEPT_MS, keepMisses: true });
  return {
    get: (channelId) =>
      recent.get(channelId, async () => {
        const doc = await collection.findOne({ _id: channelId });
        return doc ? strip(doc) : undefined;
      }),
    async save(settings) {
      // A person's explicit choice; the latest save is the one they saw confirmed, so last writer wins.
      await collection.replaceOne({ _id: settings.channelId }, settings, { upsert: true });
      recent.set(settings.channelId, settings);
    },
    async list() {
      return (await collection.find({}).toArray()).map(strip);
    },
  };
}
