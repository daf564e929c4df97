import { useId, useMemo, useState } from 'react';
import { useMessages } from '../../app/i18n';
import { TextField } from '../../ui';
import { CategoryIcon } from './CategoryIcon';
import type { MeldingCategory } from './melden-api';
import { meldenMessages } from './melden-messages';

interface Group {
  main: MeldingCategory;
  // Empty: the main category is chosen itself.
  options: MeldingCategory[];
}

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

// Two levels: a main category with sub-categories shows them under its name; searching matches either level.
export function groupCategories(categories: MeldingCategory[], query: string): Group[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const matches = (...names: string[]) => words.every((word) => names.some((name) => normalise(name).includes(word)));
  const groups: Group[] = [];
  for (const main of categories.filter((c) => c.parentId === null)) {
    const children = categories.filter((c) => c.parentId === main.id);
    if (children.length === 0) {
      if (matches(main.publicName)) groups.push({ main, options: [] });
      continue;
    }
    const options = children.filter((child) => matches(main.publicName, child.publicName));
    if (options.length > 0) groups.push({ main, options });
  }
  return groups;
}

export function CategoryPicker({
  categories,
  value,
  onChange,
  error,
}: {
  categories: MeldingCategory[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const t = useMessages(meldenMessages);
  const id = useId();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupCategories(categories, query), [categories, query]);
  const count = groups.reduce((sum, group) => sum + Math.max(1, group.options.length), 0);
  return (
    <div className="plein-melden-categories">
      <TextField label={t('categorySearch')} description={t('categorySearchHelp')} type="search" value={query} onChange={setQuery} autoComplete="off" />
      <p className="utrecht-paragraph plein-visually-hidden" role="status" aria-live="polite">
        {query.trim() ? (count > 0 && groups.length > 0 ? t('categoryCount', { count }) : t('categoryNone', { query })) : ''}
      </p>
      <div className={['utrecht-form-fieldset', error && 'utrecht-form-fieldset--invalid'].filter(Boolean).join(' ')}>
        <fieldset
          className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-fout` : undefined}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('categoryLegend')}</legend>
          {error && (
            <div id={`${id}-fout`} className="utrecht-form-field-error-message plein-field-error">
              {error}
            </div>
          )}
          {groups.length === 0 && <p className="utrecht-paragraph">{t('categoryNone', { query })}</p>}
          <div className="plein-melden-category-groups">
            {groups.map((group) =>
              group.options.length === 0 ? (
                <CategoryRadio
                  key={group.main.id}
                  name={id}
                  category={group.main}
                  icon={group.main.icon}
                  checked={value === group.main.id}
                  onChange={onChange}
                />
              ) : (
                // biome-ignore lint/a11y/useSemanticElements: a group of controls named for screen readers, without a fieldset's border and legend
                <div key={group.main.id} className="plein-melden-category-group" role="group" aria-labelledby={`${id}-${group.main.id}`}>
                  <p id={`${id}-${group.main.id}`} className="utrecht-paragraph plein-melden-category-group__title">
                    <CategoryIcon icon={group.main.icon} />
                    {group.main.publicName}
                  </p>
                  {group.options.map((option) => (
                    <CategoryRadio key={option.id} name={id} category={option} checked={value === option.id} onChange={onChange} />
                  ))}
                </div>
              ),
            )}
          </div>
        </fieldset>
      </div>
    </div>
  );
}

function CategoryRadio({
  name,
  category,
  icon,
  checked,
  onChange,
}: {
  name: string;
  category: MeldingCategory;
  icon?: string | null;
  checked: boolean;
  onChange: (id: string) => void;
}) {
  const id = `${name}-option-${category.id}`;
  return (
    <div className="plein-melden-category">
      <input
        id={id}
        type="radio"
        className="utrecht-radio-button utrecht-radio-button--html-input"
        name={name}
        value={category.id}
        checked={checked}
        onChange={() => onChange(category.id)}
      />
      <label htmlFor={id} className="utrecht-form-label utrecht-form-label--radio-button plein-melden-category__label">
        {icon !== undefined && <CategoryIcon icon={icon} />}
        {category.publicName}
      </label>
    </div>
  );
}
