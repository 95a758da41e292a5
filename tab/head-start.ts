// The page's first script: classic, tiny and inline in <head> (scripts/build-tab.mjs), so it runs as the page is
// parsed, long before the modules have loaded. It sends the first reads, then, once the parser has moved on, builds
// the formatters the first page of rows uses while those reads are on the network: the first Intl formatter a page
// builds loads ICU's data (15-30 ms) and the page keeps that data, so the app's own formatters are built in a
// fraction of a millisecond when the answer comes.
import { countFormatter, dateFormatter, dateTimeFormatter, moneyFormatter } from '../i18n/formatters';
import { browserTimeZone } from './browser-zone';
import { startFirstReads } from './first-reads';

startFirstReads();
setTimeout(() => {
  const zone = browserTimeZone();
  for (const locale of ['en', 'ko'] as const) {
    dateTimeFormatter(locale, zone);
    dateFormatter(locale, zone);
    moneyFormatter(locale, 'USD', 0);
    countFormatter(locale);
  }
});
