import { CHANNELS } from '@contracts/channels';
import { type ItemFilter, type Monitor, TENORS } from '@contracts/luisteren';
import { NETWORK_GROUP_FILTERS } from '@contracts/network-groups';
import type { Municipality } from '@contracts/organisation';
import type { Rumour } from '@contracts/rumours';
import { type FormEvent, useState } from 'react';
import { useMessages } from '../../app/i18n';
import { Button, CheckboxField, Heading, SelectField, TextField, useFocusFirstInvalid } from '../../ui';
import { formatMoment, parseMoment } from './explore-filters';
import { exploreMessages } from './explore-messages';
import { luisterenMessages } from './luisteren-messages';
import type { AuthorList } from './luisteren-queries';

type Draft = Required<{ [K in keyof ItemFilter]: string }>;

function draftOf(filter: ItemFilter): Draft {
  return {
    q: filter.q ?? '',
    monitor: filter.monitor ?? '',
    bron: filter.bron ?? '',
    tenor: filter.tenor ?? '',
    van: formatMoment(filter.van, false),
    tot: formatMoment(filter.tot, true),
    auteur: filter.auteur ?? '',
    lijst: filter.lijst ?? '',
    groep: filter.groep ?? '',
    gerucht: filter.gerucht ?? '',
    gemeente: filter.gemeente ?? '',
    metPlaats: filter.metPlaats ?? '',
    beoordeeld: filter.beoordeeld ?? '',
  };
}

export function ExploreFilters({
  initial,
  monitors,
  lists,
  rumours,
  municipalities,
  onApply,
}: {
  initial: ItemFilter;
  monitors: Monitor[];
  lists: AuthorList[];
  rumours: Rumour[];
  municipalities: Municipality[];
  onApply: (filter: ItemFilter) => void;
}) {
  const t = useMessages(exploreMessages);
  const names = useMessages(luisterenMessages);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [errors, setErrors] = useState<{ van?: string; tot?: string }>({});
  const focusFirstInvalid = useFocusFirstInvalid();
  const set = (key: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const van = draft.van.trim() ? parseMoment(draft.van, false) : '';
    const tot = draft.tot.trim() ? parseMoment(draft.tot, true) : '';
    const found: { van?: string; tot?: string } = {};
    if (van === null) found.van = t('invalidDate');
    if (tot === null) found.tot = t('invalidDate');
    else if (van && tot && Date.parse(tot) <= Date.parse(van)) found.tot = t('totBeforeVan');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    const next = { ...draft, q: draft.q.trim(), auteur: draft.auteur.trim(), van: van ?? '', tot: tot ?? '' };
    onApply(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')) as ItemFilter);
  };

  return (
    <form className="plein-filters" onSubmit={submit} noValidate aria-labelledby="luisteren-filters">
      <Heading level={2} id="luisteren-filters" className="plein-filters__title">
        {t('filters')}
      </Heading>
      <div className="plein-filters__fields">
        <TextField label={t('q')} description={t('qHelp')} type="search" value={draft.q} onChange={set('q')} />
        <SelectField
          label={t('monitor')}
          value={draft.monitor}
          onChange={set('monitor')}
          options={[{ value: '', label: t('allMonitors') }, ...monitors.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <SelectField
          label={t('bron')}
          value={draft.bron}
          onChange={set('bron')}
          options={[{ value: '', label: t('allSources') }, ...CHANNELS.map((c) => ({ value: c, label: names(`channel.${c}`) }))]}
        />
        <SelectField
          label={t('tenor')}
          value={draft.tenor}
          onChange={set('tenor')}
          options={[{ value: '', label: t('allTenors') }, ...TENORS.map((tenor) => ({ value: tenor, label: names(`tenor.${tenor}`) }))]}
        />
        <TextField label={t('van')} description={t('dateHelp')} autoComplete="off" value={draft.van} onChange={set('van')} error={errors.van} />
        <TextField label={t('tot')} description={t('dateHelp')} autoComplete="off" value={draft.tot} onChange={set('tot')} error={errors.tot} />
        <TextField label={t('auteur')} description={t('auteurHelp')} autoComplete="off" value={draft.auteur} onChange={set('auteur')} />
        {lists.length > 0 && (
          <SelectField
            label={t('lijst')}
            value={draft.lijst}
            onChange={set('lijst')}
            options={[{ value: '', label: t('allLists') }, ...lists.map((l) => ({ value: l.id, label: l.name }))]}
          />
        )}
        <SelectField
          label={t('groep')}
          value={draft.groep}
          onChange={set('groep')}
          options={[{ value: '', label: t('allGroups') }, ...NETWORK_GROUP_FILTERS.map((group) => ({ value: group, label: names(`group.${group}`) }))]}
        />
        {rumours.length > 0 && (
          <SelectField
            label={t('gerucht')}
            value={draft.gerucht}
            onChange={set('gerucht')}
            options={[{ value: '', label: t('allRumours') }, ...rumours.map((r) => ({ value: r.id, label: r.title }))]}
          />
        )}
        {municipalities.length > 1 && (
          <SelectField
            label={t('gemeente')}
            value={draft.gemeente}
            onChange={set('gemeente')}
            options={[{ value: '', label: t('allMunicipalities') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
          />
        )}
        <SelectField
          label={t('beoordeeld')}
          value={draft.beoordeeld}
          onChange={set('beoordeeld')}
          options={[
            { value: '', label: t('reviewedAll') },
            { value: 'ja', label: t('reviewedYes') },
            { value: 'nee', label: t('reviewedNo') },
          ]}
        />
        <CheckboxField label={t('metPlaats')} checked={draft.metPlaats === 'ja'} onChange={(checked) => set('metPlaats')(checked ? 'ja' : '')} />
      </div>
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary">
          {t('apply')}
        </Button>
        <Button appearance="subtle" onClick={() => onApply({})}>
          {t('reset')}
        </Button>
      </div>
    </form>
  );
}
