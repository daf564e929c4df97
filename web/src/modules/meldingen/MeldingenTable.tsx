import type { Melding } from '@contracts/meldingen';
import { formatDate, formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, DataTable } from '../../ui';
import { Deadline, MeldingStatusBadge } from './MeldingStatusBadge';
import { meldingenMessages } from './meldingen-messages';

export interface Selection {
  selected: Set<string>;
  toggle: (id: string, checked: boolean) => void;
}

export function placeOf(melding: Melding, noAddress: (vars: { lat: string; lon: string }) => string): string {
  return melding.address ?? noAddress({ lat: melding.lat.toFixed(5), lon: melding.lon.toFixed(5) });
}

export function MeldingenTable({
  meldingen,
  selection,
  assignedName,
}: {
  meldingen: Melding[];
  selection?: Selection;
  assignedName: (melding: Melding) => string;
}) {
  const t = useMessages(meldingenMessages);
  return (
    <DataTable<Melding>
      caption={t('tableCaption')}
      captionHidden
      rows={meldingen}
      rowKey={(melding) => melding.id}
      columns={[
        ...(selection
          ? [
              {
                header: t('select'),
                hideLabelWhenStacked: true,
                cell: (melding: Melding) => (
                  <input
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input plein-row-select"
                    aria-label={t('selectMelding', { number: melding.number })}
                    checked={selection.selected.has(melding.id)}
                    onChange={(event) => selection.toggle(melding.id, event.target.checked)}
                  />
                ),
              },
            ]
          : []),
        {
          header: t('number'),
          cell: (melding) => (
            <AppLink to={`/meldingen/${melding.id}`} className="plein-nowrap">
              {melding.number}
            </AppLink>
          ),
        },
        { header: t('category'), cell: (melding) => melding.categoryName },
        { header: t('status'), cell: (melding) => <MeldingStatusBadge status={melding.status} /> },
        { header: t('place'), cell: (melding) => <span className="plein-break">{placeOf(melding, (vars) => t('noAddress', vars))}</span> },
        {
          header: t('createdAt'),
          cell: (melding) => (
            <time className="plein-nowrap" dateTime={melding.createdAt}>
              {formatDateTime(melding.createdAt)}
            </time>
          ),
        },
        {
          header: t('deadline'),
          cell: (melding) => <Deadline deadline={melding.deadline} overdue={melding.overdue} formatted={formatDate(melding.deadline)} />,
        },
        { header: t('assigned'), cell: (melding) => assignedName(melding) },
      ]}
    />
  );
}
