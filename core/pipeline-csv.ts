// The pipeline as a CSV file Excel opens as it is: UTF-8 with a BOM (so Korean shows right), CRLF line ends,
// Partner Center's own column names first (docs/partner-center.md, "Export columns"), and no cell of outside text
// that a spreadsheet would run as a formula. Pure.
import { pipelineStateOf, valueOf, type PipelineEntry } from './pipeline';

export const CSV_BOM = '\uFEFF';

/** What the rows need besides the summaries: the names of the places they belong to. */
export interface CsvPlaces {
  teamName(teamId: string): string | undefined;
  channelName(channelId: string): string | undefined;
}

/** The columns, in order: Partner Center's "Leads download" names first, then the desk's own. */
export const CSV_COLUMNS = [
  'Referral ID',
  'Creation Date',
  'Customer Country',
  'Customer City',
  'Customer Name',
  'Call to action',
  'Offer name',
  'Lead currency',
  'Lead value',
  'Status',
  'Status Reason',
  'Substatus',
  'Customer Size',
  'Industries',
  'Owner',
  'Team',
  'Channel',
  'Respond By',
  'Expiration Date',
  'Estimated Purchase Date',
  'Engagement Name',
] as const;

// A spreadsheet reads a cell starting with one of these as a formula (or, for tab and CR, may drop them and then
// read one): OWASP's "CSV injection" list.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: quoted when it must be; outside text that a spreadsheet would run gets a leading apostrophe. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly (string | number | undefined)[]) => cells.map(csvCell).join(',');

/** `YYYY-MM-DD HH:mm` in UTC: what Excel reads as a date and time in any locale. */
const dateTime = (at: Date | undefined) => (at ? at.toISOString().slice(0, 16).replace('T', ' ') : undefined);
const day = (at: Date | undefined) => (at ? at.toISOString().slice(0, 10) : undefined);

export function csvRow(entry: PipelineEntry, places: CsvPlaces): (string | number | undefined)[] {
  const value = valueOf(entry);
  const { customer, place } = entry;
  const row: Record<(typeof CSV_COLUMNS)[number], string | number | undefined> = {
    'Referral ID': entry.id,
    'Creation Date': dateTime(entry.receivedAt),
    'Customer Country': customer.country,
    'Customer City': customer.city,
    'Customer Name': customer.name,
    'Call to action': entry.customerRequestedContact ? 'Contact me' : undefined,
    'Offer name': entry.solutions.join('; ') || undefined,
    'Lead currency': value?.currency,
    'Lead value': value?.amount,
    Status: entry.status,
    'Status Reason': entry.closure?.reason,
    Substatus: entry.substatus,
    'Customer Size': customer.size,
    Industries: entry.industries.join('; ') || undefined,
    Owner: entry.owner?.name,
    Team: place?.teamId ? (places.teamName(place.teamId) ?? place.teamId) : undefined,
    Channel: place ? (places.channelName(place.channelId) ?? place.channelId) : undefined,
    'Respond By': pipelineStateOf(entry) === 'inbox' ? dateTime(entry.respondByAt) : undefined,
    'Expiration Date': dateTime(entry.expiresAt),
    'Estimated Purchase Date': day(entry.engagement?.purchaseDate),
    'Engagement Name': entry.engagement?.name,
  };
  return CSV_COLUMNS.map((column) => row[column]);
}

/** The whole file: BOM, header, one line per entry, each ended by CRLF. */
export function pipelineCsv(entries: Iterable<PipelineEntry>, places: CsvPlaces): string {
  const lines = [csvLine(CSV_COLUMNS)];
  for (const entry of entries) lines.push(csvLine(csvRow(entry, places)));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
