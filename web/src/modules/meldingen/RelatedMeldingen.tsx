import { useMessages } from '../../app/i18n';
import { AppLink, Heading } from '../../ui';
import { MeldingStatusBadge } from './MeldingStatusBadge';
import { meldingenMessages } from './meldingen-messages';
import type { MeldingDetail } from './meldingen-queries';

type Related = MeldingDetail['parts'][number];

// The meldingen this one is tied to by merging or splitting, each a link with its status.
export function RelatedMeldingen({ melding }: { melding: MeldingDetail }) {
  const t = useMessages(meldingenMessages);
  const groups: { label: string; items: Related[] }[] = [
    { label: t('mergedIntoLabel'), items: melding.mergedInto ? [melding.mergedInto] : [] },
    { label: t('duplicatesLabel'), items: melding.duplicates },
    { label: t('splitFromLabel'), items: melding.splitFrom ? [melding.splitFrom] : [] },
    { label: t('partsLabel'), items: melding.parts },
  ].filter((group) => group.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <section className="plein-section" aria-labelledby="verwant">
      <Heading level={2} id="verwant">
        {t('relatedHeading')}
      </Heading>
      <dl className="plein-related">
        {groups.map((group) => (
          <div key={group.label}>
            <dt>{group.label}</dt>
            {group.items.map((item) => (
              <dd key={item.id}>
                <AppLink to={`/meldingen/${item.id}`}>{item.number}</AppLink> {item.categoryName} <MeldingStatusBadge status={item.status} />
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </section>
  );
}
