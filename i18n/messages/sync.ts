import type { MessageModule } from '../catalogue';

export const syncMessages: MessageModule = {
  en: {},
  ko: {},
};
