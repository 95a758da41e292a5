import type { MessageModule } from '../catalogue';

export const referralCardMessages: MessageModule = {
  en: {},
  ko: {},
};
