// `npm run bench [-- section …]`: measured costs, each as a ratio against a floor measured in the same run on the
// same machine (machines are noisy, so never against fixed numbers). Runs the named sections, or all, in order;
// prints one table per section and a summary of every goal. A missed goal is reported, not an error: the exit
// code is non-zero only when something failed to run.
import { acceptSection } from './accept';
import { cardSection } from './card';
import { createBenchContext, type Section } from './context';
import { intakeSection } from './intake';
import { pacingSection } from './pacing';
import { rssSection } from './rss';
import { goalText, ratioText, rowsTable, table, verdict, type Row } from './report';
import { readBenchSettings } from './support';
import { tabListSection } from './tab-list';
import { tabPageSection } from './tab-page';
import { tickSection } from './tick';

const SECTIONS: Section[] = [
  acceptSection,
  cardSection,
  intakeSection,
  pacingSection,
  rssSection,
  tabListSection,
  tabPageSection,
  tickSection,
];

function chosenSections(names: string[]): Section[] {
  const unknown = names.filter((name) => !SECTIONS.some((s) => s.name === name));
  if (unknown.length > 0)
    throw new Error(
      `unknown section ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`,
    );
  return names.length === 0 ? SECTIONS : SECTIONS.filter((s) => names.includes(s.name));
}

const write = (text: string) => process.stdout.write(`${text}\n`);

function summary(goals: { section: string; row: Row }[], failed: string[]): string {
  const lines = goals.map(({ section, row }) => [
    section,
    row.figure.trim(),
    row.ratio === undefined || row.goal?.on === 'subject' ? row.subject : ratioText(row),
    goalText(row.goal),
    verdict(row.pass),
  ]);
  const errors = failed.map((name) => [name, 'did not run to the end (see stderr)', '', '', 'ERROR']);
  return table(['section', 'goal on', 'measured', 'goal', 'pass/fail'], [...lines, ...errors]);
}

async function main(): Promise<number> {
  const sections = chosenSections(process.argv.slice(2));
  const ctx = createBenchContext(readBenchSettings());
  const goals: { section: string; row: Row }[] = [];
  const failed: string[] = [];
  try {
    for (const section of sections) {
      write(`\n## ${section.name}: ${section.title}\n`);
      try {
        const report = await section.run(ctx);
        if (report.text) write(report.text);
        if (report.rows.length > 0) write(rowsTable(report.rows));
        for (const note of report.notes) write(`  · ${note}`);
        for (const row of report.rows) if (row.goal) goals.push({ section: section.name, row });
      } catch (error) {
        failed.push(section.name);
        write(`  section failed: ${error instanceof Error ? error.message : String(error)}`);
        process.stderr.write(
          `${section.name} failed: ${error instanceof Error ? error.stack : String(error)}\n`,
        );
      }
    }
  } finally {
    await ctx.close();
  }
  write('\n## summary\n');
  write(goals.length + failed.length > 0 ? summary(goals, failed) : 'no goals in the sections run');
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
