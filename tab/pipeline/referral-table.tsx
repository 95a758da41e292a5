import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { Filters, ReferralPage, Row } from '../api/types';
import type { Strings } from '../strings';
import { showCount, showDate, showDateTime, showMoney, showSize } from './show';

interface ReferralTableProps {
  strings: Strings;
  page: ReferralPage;
  filters: Filters;
  selectedId?: string;
  onSelect(id: string): void;
  onChange(changes: Partial<Filters>): void;
}

type SortableColumn = 'customer' | 'received' | 'due' | 'value';
/** The orders each column offers, first click first (docs/tab-api.md, `sort`). */
const SORTS: Record<SortableColumn, string[]> = {
  customer: ['customer'],
  received: ['-received', 'received'],
  due: ['due'],
  value: ['-value', 'value'],
};

/** The server's default order when none is chosen. */
const effectiveSort = (filters: Filters) =>
  filters.sort || (filters.state === 'inbox' || filters.state === 'active' ? 'due' : '-received');

export function ReferralTable(props: ReferralTableProps) {
  const { strings, page, filters, onChange } = props;
  const { s } = strings;
  const sort = effectiveSort(filters);
  const header = (column: SortableColumn, label: string) => {
    const orders = SORTS[column];
    const at = orders.indexOf(sort);
    const direction = at < 0 ? undefined : sort.startsWith('-') ? 'descending' : 'ascending';
    return (
      <TableHeaderCell
        sortDirection={direction}
        onClick={() => onChange({ sort: orders[(at + 1) % orders.length], page: 1 })}
      >
        {label}
      </TableHeaderCell>
    );
  };

  if (page.items.length === 0) return <Text as="p">{s('list.empty')}</Text>;
  const from = (page.page - 1) * page.pageSize + 1;
  const to = from + page.items.length - 1;
  const isLast = page.page * page.pageSize >= page.total;
  return (
    <>
      <Table sortable aria-label={s('list.caption', { state: s(`state.${filters.state}`) })}>
        <TableHeader>
          <TableRow>
            {header('customer', s('column.customer'))}
            {header('received', s('column.received'))}
            {header('due', s('column.due'))}
            {header('value', s('column.value'))}
            <TableHeaderCell sortable={false}>{s('column.owner')}</TableHeaderCell>
            <TableHeaderCell sortable={false}>{s('column.channel')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.items.map((row) => (
            <ReferralRow key={row.id} {...props} row={row} />
          ))}
        </TableBody>
      </Table>
      <nav
        style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 8 }}
        aria-label={s('list.range', {
          from: showCount(strings, from),
          to: showCount(strings, to),
          total: showCount(strings, page.total),
        })}
      >
        <Button disabled={page.page <= 1} onClick={() => onChange({ page: page.page - 1 })}>
          {s('list.previous')}
        </Button>
        <Text>
          {s('list.range', {
            from: showCount(strings, from),
            to: showCount(strings, to),
            total: showCount(strings, page.total),
          })}
        </Text>
        <Button disabled={isLast} onClick={() => onChange({ page: page.page + 1 })}>
          {s('list.next')}
        </Button>
      </nav>
    </>
  );
}

function ReferralRow({ strings, row, filters, selectedId, onSelect }: ReferralTableProps & { row: Row }) {
  const { s } = strings;
  return (
    <TableRow aria-selected={row.id === selectedId}>
      <TableCell>
        <Button
          appearance="transparent"
          onClick={() => onSelect(row.id)}
          style={{ padding: 0, minWidth: 0, textAlign: 'start', justifyContent: 'flex-start' }}
        >
          {row.flame === 'hot' && (
            <>
              <span aria-hidden="true">🔥 </span>
              <span className="visually-hidden">{s('list.hot')}: </span>
            </>
          )}
          {row.customer}
        </Button>
        <Text size={200} block>
          {[row.shortId, showSize(strings, row.size), row.solutions.join(', ')].filter(Boolean).join(' · ')}
        </Text>
      </TableCell>
      <TableCell>{showDateTime(strings, row.receivedAt)}</TableCell>
      <TableCell>{dueOf(strings, filters, row)}</TableCell>
      <TableCell>{showMoney(strings, row.value)}</TableCell>
      <TableCell>{row.owner?.name ?? row.owner?.id ?? ''}</TableCell>
      <TableCell>{row.place?.channelName ?? ''}</TableCell>
    </TableRow>
  );
}

/** What `due` orders by, where a row shows it: the 24 h recommendation in the inbox, the purchase date when active. */
function dueOf(strings: Strings, filters: Filters, row: Row): string {
  if (filters.state === 'inbox') return showDateTime(strings, row.respondBy);
  if (filters.state === 'active') return showDate(strings, row.purchaseBy);
  return '';
}
