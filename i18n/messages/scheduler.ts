import type { MessageModule } from '../catalogue';

export const schedulerMessages: MessageModule = {
  en: {},
  ko: {},
};
