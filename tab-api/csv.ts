import type { Response } from 'restify';
import type { PipelineEntry } from '../core/pipeline';
import { pipelineCsv, type CsvPlaces } from '../core/pipeline-csv';

/** Sends `entries` as the CSV file of docs/tab-api.md ("CSV"): UTF-8 with a BOM, an attachment named by the day. */
export function csvResponse(
  res: Response,
  entries: readonly PipelineEntry[],
  places: CsvPlaces,
  now: Date,
): void {
  const body = Buffer.from(pipelineCsv(entries, places), 'utf8');
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="referrals-${now.toISOString().slice(0, 10)}.csv"`,
    'content-length': String(body.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
