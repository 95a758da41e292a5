import type { Db } from 'mongodb';
import type { ChannelSettings } from '../core/routing';

export type { ChannelSettings };

export interface ChannelSettingsStore {
  get(channelId: string): Promise<ChannelSettings | undefined>;
  save(settings: ChannelSettings): Promise<void>;
  list(): Promise<ChannelSettings[]>;
}

type SettingsDoc = ChannelSettings & { _id: string };
export const CHANNEL_SETTINGS = 'channel_settings';

export function channelSettings(db: Db): ChannelSettingsStore {
  const collection = db.collection<SettingsDoc>(CHANNEL_SETTINGS);
  const strip = ({ _id: _ignored, ...settings }: SettingsDoc): ChannelSettings => settings;
  return {
    async get(channelId) {
      const doc = await collection.findOne({ _id: channelId });
      return doc ? strip(doc) : undefined;
    },
    async save(settings) {
      // A person's explicit choice; the latest save is the one they saw confirmed, so last writer wins.
      await collection.replaceOne({ _id: settings.channelId }, settings, { upsert: true });
    },
    async list() {
      return (await collection.find({}).toArray()).map(strip);
    },
  };
}
