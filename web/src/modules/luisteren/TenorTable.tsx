import { TENORS, type Tenor } from '@contracts/luisteren';
import { formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { DataTable } from '../../ui';
import { luisterenMessages } from './luisteren-messages';

// The numbers behind a stacked tenor chart, per moment, folded under the chart: for screen readers and for
// anyone who wants the exact counts.
export function TenorTable<Row extends Record<Tenor, number>>({
  caption,
  rows,
  moment,
  total,
}: {
  caption: string;
  rows: Row[];
  moment: { header: string; dateTime: (row: Row) => string; label: (row: Row) => string };
  total: { header: string; value: (row: Row) => number };
}) {
  const names = useMessages(luisterenMessages);
  return (
    <details className="plein-details">
      <summary>{caption}</summary>
      <DataTable<Row>
        caption={caption}
        captionHidden
        rows={rows}
        rowKey={moment.dateTime}
        columns={[
          { header: moment.header, cell: (row) => <time dateTime={moment.dateTime(row)}>{moment.label(row)}</time> },
          ...TENORS.map((tenor) => ({ header: names(`tenor.${tenor}`), numeric: true, cell: (row: Row) => formatNumber(row[tenor]) })),
          { header: total.header, numeric: true, cell: (row) => formatNumber(total.value(row)) },
        ]}
      />
    </details>
  );
}
