import type { MessageModule } from '../catalogue';

export const digestMessages: MessageModule = {
  en: {},
  ko: {},
};
