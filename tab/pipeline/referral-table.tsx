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
import type { Filters, ListRow, ReferralPage } from '../api/types';
import type { Strings } from '../strings';
import { pageRange, rowTexts, tableCaption } from './row-texts';

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
  const isLast = page.page * page.pageSize >= page.total;
  const range = pageRange(strings, page);
  return (
    <>
      <Table sortable aria-label={tableCaption(strings, filters)}>
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
      <nav style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 8 }} aria-label={range}>
        <Button disabled={page.page <= 1} onClick={() => onChange({ page: page.page - 1 })}>
          {s('list.previous')}
        </Button>
        <Text>{range}</Text>
        <Button disabled={isLast} onClick={() => onChange({ page: page.page + 1 })}>
          {s('list.next')}
        </Button>
      </nav>
    </>
  );
}

function ReferralRow({ strings, row, filters, selectedId, onSelect }: ReferralTableProps & { row: ListRow }) {
  const { s } = strings;
  const texts = rowTexts(strings, filters, row);
  return (
    <TableRow aria-selected={row.id === selectedId}>
      <TableCell>
        <Button
          appearance="transparent"
          onClick={() => onSelect(row.id)}
          style={{ padding: 0, minWidth: 0, textAlign: 'start', justifyContent: 'flex-start' }}
        >
          {texts.isHot && (
            <>
              <span aria-hidden="true">🔥 </span>
              <span className="visually-hidden">{s('list.hot')}: </span>
            </>
          )}
          {texts.customer}
        </Button>
        <Text size={200} block>
          {texts.about}
        </Text>
      </TableCell>
      <TableCell>{texts.received}</TableCell>
      <TableCell>{texts.due}</TableCell>
      <TableCell>{texts.value}</TableCell>
      <TableCell>{texts.owner}</TableCell>
      <TableCell>{texts.channel}</TableCell>
    </TableRow>
  );
}
