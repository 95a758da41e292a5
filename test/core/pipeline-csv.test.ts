import { CSV_BOM, CSV_COLUMNS, csvCell, pipelineCsv } from '../../core/pipeline-csv';
import { summaryOf } from '../../core/referral-summary';
import { closedReferral, newReferral } from './fixtures';

const places = {
  teamName: (id: string) => (id === 't1' ? 'Partner Sales' : undefined),
  channelName: (id: string) => (id === 'c1' ? 'General' : undefined),
};

describe('the pipeline as CSV', () => {
  it('starts with a BOM and Partner Center’s column names, one CRLF line per referral', () => {
    const csv = pipelineCsv(
      [{ ...summaryOf(closedReferral('Lost')), place: { channelId: 'c1', teamId: 't1' } }],
      places,
    );
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]!.split(',').slice(0, 5)).toEqual([
      'Referral ID',
      'Creation Date',
      'Customer Country',
      'Customer City',
      'Customer Name',
    ]);
    const cells = lines[1]!.split(',');
    const cell = (name: (typeof CSV_COLUMNS)[number]) => cells[CSV_COLUMNS.indexOf(name)];
    expect(cell('Customer Name')).toBe('Contoso Customer Inc');
    expect(cell('Creation Date')).toBe('2026-11-20 09:00');
    expect(cell('Status')).toBe('Closed');
    expect(cell('Substatus')).toBe('Lost');
    expect(cell('Status Reason')).toBe('chose-another-vendor');
    expect(cell('Lead value')).toBe('30000');
    expect(cell('Lead currency')).toBe('USD');
    expect(cell('Team')).toBe('Partner Sales');
    expect(cell('Channel')).toBe('General');
  });

  it('never lets outside text become a formula, and quotes what must be quoted', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('삼성바이오')).toBe('삼성바이오');
    expect(csvCell(undefined)).toBe('');
  });

  it('escapes a hostile customer name in the file', () => {
    const hostile = newReferral({ customer: { ...newReferral().customer, name: '=cmd|" /C calc"!A0' } });
    const csv = pipelineCsv([summaryOf(hostile)], places);
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
  });
});
