import type { MessageModule } from '../catalogue';

export const commandCardMessages: MessageModule = {
  en: {},
  ko: {},
};
