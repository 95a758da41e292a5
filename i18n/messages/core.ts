import type { MessageModule } from '../catalogue';

/** Labels for the core's values (statuses, sizes, reasons, timeframes) and its field-error codes. */
export const coreMessages: MessageModule = {
  en: {},
  ko: {},
};
