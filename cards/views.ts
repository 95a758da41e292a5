import { t } from '../i18n/catalogue';
import type { CardViews } from './card-views';
import { helpCard } from './help-card';
import { integrationStatusCard } from './integration-status-card';
import { listCard } from './list-card';
import { referralCard } from './referral-card';
import { settingsCard } from './settings-card';
import { statsCard } from './stats-card';

/** The cards the bot answers with, one function per card. */
export function createCardViews(): CardViews {
  return {
    help: helpCard,
    list: listCard,
    referral: referralCard,
    settings: settingsCard,
    stats: statsCard,
    integrationStatus: integrationStatusCard,
    text: (view, key, params) => t(view.locale, key, params),
  };
}
