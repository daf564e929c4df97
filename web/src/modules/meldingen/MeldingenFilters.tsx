import { MELDING_STATUSES, type MeldingCategory } from '@contracts/meldingen';
import type { Municipality } from '@contracts/organisation';
import { type FormEvent, useState } from 'react';
import { formatIsoDateAsDutch, parseDutchDate } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Button, Heading, SelectField, TextField, useFocusFirstInvalid } from '../../ui';
import { EMPTY_FILTERS, type MeldingFilters } from './melding-logic';
import { meldingenMessages } from './meldingen-messages';

// Main categories first with their subcategories indented under them; a main category filters on all of them.
export function buildCategoryOptions(categories: MeldingCategory[], mainLabel: (name: string) => string) {
  const mains = categories.filter((c) => c.parentId === null);
  return mains.flatMap((main) => {
    const children = categories.filter((c) => c.parentId === main.id);
    if (children.length === 0) return [{ value: main.id, label: main.publicName }];
    return [{ value: main.id, label: mainLabel(main.publicName) }, ...children.map((child) => ({ value: child.id, label: `\u2003${child.publicName}` }))];
  });
}

export function MeldingenFilters({
  initial,
  categories,
  municipalities,
  onApply,
}: {
  initial: MeldingFilters;
  categories: MeldingCategory[];
  municipalities: Municipality[];
  onApply: (filters: MeldingFilters) => void;
}) {
  const t = useMessages(meldingenMessages);
  const [values, setValues] = useState({
    ...initial,
    from: initial.from ? formatIsoDateAsDutch(initial.from) : '',
    until: initial.until ? formatIsoDateAsDutch(initial.until) : '',
  });
  const [errors, setErrors] = useState<{ from?: string; until?: string }>({});
  const focusFirstInvalid = useFocusFirstInvalid();
  const set =
    <K extends keyof MeldingFilters>(key: K) =>
    (value: string) =>
      setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const fromIso = values.from.trim() ? parseDutchDate(values.from) : '';
    const untilIso = values.until.trim() ? parseDutchDate(values.until) : '';
    const found: { from?: string; until?: string } = {};
    if (fromIso === null) found.from = t('invalidDate');
    if (untilIso === null) found.until = t('invalidDate');
    else if (fromIso && untilIso && untilIso < fromIso) found.until = t('untilBeforeFrom');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    onApply({ ...values, from: fromIso ?? '', until: untilIso ?? '' });
  };

  const clear = () => {
    setValues(EMPTY_FILTERS);
    setErrors({});
    onApply(EMPTY_FILTERS);
  };

  return (
    <form className="plein-filters" onSubmit={submit} noValidate aria-labelledby="meldingen-filters">
      <Heading level={2} id="meldingen-filters" className="plein-filters__title">
        {t('filters')}
      </Heading>
      <div className="plein-filters__fields">
        <SelectField
          label={t('status')}
          value={values.status}
          onChange={set('status')}
          options={[{ value: '', label: t('allStatuses') }, ...MELDING_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))]}
        />
        <SelectField
          label={t('category')}
          value={values.categoryId}
          onChange={set('categoryId')}
          options={[{ value: '', label: t('allCategories') }, ...buildCategoryOptions(categories, (name) => t('mainCategory', { name }))]}
        />
        {municipalities.length > 1 && (
          <SelectField
            label={t('municipality')}
            value={values.municipalityId}
            onChange={set('municipalityId')}
            options={[{ value: '', label: t('allMunicipalities') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
          />
        )}
        <SelectField
          label={t('overdue')}
          value={values.overdue}
          onChange={set('overdue')}
          options={[
            { value: '', label: t('overdueAll') },
            { value: 'ja', label: t('overdueYes') },
            { value: 'nee', label: t('overdueNo') },
          ]}
        />
        <TextField
          label={t('from')}
          description={t('dateHelp')}
          inputMode="numeric"
          autoComplete="off"
          value={values.from}
          onChange={set('from')}
          error={errors.from}
        />
        <TextField
          label={t('until')}
          description={t('dateHelp')}
          inputMode="numeric"
          autoComplete="off"
          value={values.until}
          onChange={set('until')}
          error={errors.until}
        />
      </div>
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary">
          {t('apply')}
        </Button>
        <Button appearance="subtle" onClick={clear}>
          {t('reset')}
        </Button>
      </div>
    </form>
  );
}
