// biome-ignore-all lint/a11y/noRedundantRoles: the explicit table roles keep the table's semantics where its CSS turns rows into blocks on a narrow screen (browsers drop them with display: block)
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  // Header kept for screen readers but not repeated as a label in the stacked (narrow) layout, e.g. for action buttons.
  hideLabelWhenStacked?: boolean;
}

export interface DataTableProps<Row> {
  caption: string;
  captionHidden?: boolean;
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey: (row: Row) => string;
}

// On narrow screens the rows stack into cards (see tables.css), so nothing ever scrolls sideways; the explicit
// roles keep the table semantics that browsers drop once table parts are no longer displayed as a table.
export function DataTable<Row>({ caption, captionHidden, columns, rows, rowKey }: DataTableProps<Row>) {
  const containerRef = useRef<HTMLDivElement>(null);
  const scrollable = useHorizontalOverflow(containerRef);
  return (
    <div
      ref={containerRef}
      className="utrecht-table-container plein-table-container"
      // Only a container that really scrolls becomes a tab stop, so keyboard users can scroll it.
      {...(scrollable && { tabIndex: 0, role: 'region', 'aria-label': caption })}
    >
      <table role="table" className="utrecht-table utrecht-table--html-table plein-table">
        <caption className={['utrecht-table__caption', captionHidden && 'plein-visually-hidden'].filter(Boolean).join(' ')}>{caption}</caption>
        <thead role="rowgroup" className="utrecht-table__header">
          <tr role="row" className="utrecht-table__row">
            {columns.map((column) => (
              <th
                role="columnheader"
                key={column.header}
                scope="col"
                className={['utrecht-table__header-cell', 'plein-table__header-cell', column.numeric && 'utrecht-table__header-cell--numeric-column']
                  .filter(Boolean)
                  .join(' ')}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="utrecht-table__body">
          {rows.map((row) => (
            <tr role="row" key={rowKey(row)} className="utrecht-table__row">
              {columns.map((column) => (
                <td
                  role="cell"
                  key={column.header}
                  data-label={column.hideLabelWhenStacked ? undefined : column.header}
                  className={['utrecht-table__cell', 'plein-table__cell', column.numeric && 'utrecht-table__cell--numeric-column'].filter(Boolean).join(' ')}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function useHorizontalOverflow(ref: RefObject<HTMLElement | null>): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return overflowing;
}
