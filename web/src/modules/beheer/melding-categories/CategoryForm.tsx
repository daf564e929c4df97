import type { MeldingCategory } from '@contracts/meldingen';
import { useState } from 'react';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Button, FormProblem, Paragraph, SelectField, TextAreaField, TextField } from '../../../ui';
import { meldingCategoriesMessages } from './melding-categories-messages';
import { parseDepartments } from './melding-category-queries';
import { RadioGroup } from './RadioGroup';

type TermijnKind = MeldingCategory['termijnKind'];

export interface CategoryFormValues {
  level: 'main' | 'sub';
  parentId: string;
  code: string;
  publicName: string;
  departments: string;
  termijnDays: string;
  termijnKind: TermijnKind;
  servicePromise: string;
  active: 'true' | 'false';
}

// What the form sends: everything it shows, parsed. The page picks what its request needs.
export interface CategoryFormOutput {
  parentId: string | null;
  code: string;
  publicName: string;
  departments: string[];
  termijnDays: number;
  termijnKind: TermijnKind;
  servicePromise: string;
  active: boolean;
}

export const emptyCategoryForm: CategoryFormValues = {
  level: 'sub',
  parentId: '',
  code: '',
  publicName: '',
  departments: '',
  termijnDays: '5',
  termijnKind: 'werkdagen',
  servicePromise: '',
  active: 'true',
};

export function toCategoryFormValues(category: MeldingCategory): CategoryFormValues {
  return {
    level: category.parentId ? 'sub' : 'main',
    parentId: category.parentId ?? '',
    code: category.code,
    publicName: category.publicName,
    departments: category.departments.join(', '),
    termijnDays: String(category.termijnDays),
    termijnKind: category.termijnKind,
    servicePromise: category.servicePromise,
    active: category.active ? 'true' : 'false',
  };
}

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
const FIELD_OF_CODE: Record<string, string> = { 'code-bestaat-al': 'code', 'ongeldige-hoofdcategorie': 'parentId' };

export function CategoryForm({
  mode,
  initial,
  mainCategories,
  onSubmit,
  onStart,
}: {
  mode: 'create' | 'edit';
  initial: CategoryFormValues;
  mainCategories: MeldingCategory[];
  onSubmit: (output: CategoryFormOutput) => Promise<void>;
  onStart?: () => void;
}) {
  const t = useMessages(meldingCategoriesMessages);
  const common = useMessages(commonMessages);
  const [values, setValues] = useState(initial);
  const set =
    <K extends keyof CategoryFormValues>(key: K) =>
    (value: CategoryFormValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const creating = mode === 'create';

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (creating && values.level === 'sub' && !values.parentId) found.parentId = t('parentRequired');
    if (!values.publicName.trim()) found.publicName = common('required');
    if (creating && !values.code.trim()) found.code = common('required');
    else if (creating && !CODE_PATTERN.test(values.code.trim())) found.code = t('codeInvalid');
    const days = values.termijnDays.trim();
    if (!days) found.termijnDays = common('required');
    else if (!/^\d+$/.test(days) || Number(days) > 365) found.termijnDays = t('termijnDaysInvalid');
    return found;
  };

  const { submit, errors, problem, busy } = useFormSubmit({
    onStart,
    validate,
    send: () =>
      onSubmit({
        parentId: values.level === 'sub' ? values.parentId : null,
        code: values.code.trim(),
        publicName: values.publicName.trim(),
        departments: parseDepartments(values.departments),
        termijnDays: Number(values.termijnDays.trim()),
        termijnKind: values.termijnKind,
        servicePromise: values.servicePromise.trim(),
        active: values.active === 'true',
      }),
    fieldOfCode: FIELD_OF_CODE,
    fields: creating
      ? ['parentId', 'code', 'publicName', 'departments', 'termijnDays', 'termijnKind', 'servicePromise']
      : ['publicName', 'departments', 'termijnDays', 'termijnKind', 'servicePromise', 'active'],
  });

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <FormProblem title={common('saveFailed')} problem={problem} />
      {creating && (
        <>
          <RadioGroup
            legend={t('level')}
            options={[
              { value: 'main', label: t('levelMain') },
              { value: 'sub', label: t('levelSub') },
            ]}
            value={values.level}
            onChange={set('level')}
          />
          {values.level === 'sub' && (
            <SelectField
              label={t('parent')}
              value={values.parentId}
              onChange={set('parentId')}
              error={errors.parentId}
              options={[
                { value: '', label: t('parentChoose') },
                ...mainCategories.map((main) => ({ value: main.id, label: main.active ? main.publicName : t('inactiveSuffix', { name: main.publicName }) })),
              ]}
            />
          )}
        </>
      )}
      <TextField
        label={t('publicName')}
        description={t('publicNameHelp')}
        maxLength={120}
        value={values.publicName}
        onChange={set('publicName')}
        error={errors.publicName}
      />
      {creating && (
        <TextField
          label={t('code')}
          description={t('codeHelp')}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={63}
          value={values.code}
          onChange={set('code')}
          error={errors.code}
        />
      )}
      <TextField
        label={t('departments')}
        description={t('departmentsHelp')}
        value={values.departments}
        onChange={set('departments')}
        error={errors.departments}
      />
      <TextField
        label={t('termijnDays')}
        description={t('termijnDaysHelp')}
        inputMode="numeric"
        className="plein-textbox--short"
        value={values.termijnDays}
        onChange={set('termijnDays')}
        error={errors.termijnDays}
      />
      <RadioGroup
        legend={t('termijnKind')}
        options={[
          { value: 'werkdagen', label: t('werkdagen') },
          { value: 'kalenderdagen', label: t('kalenderdagen') },
        ]}
        value={values.termijnKind}
        onChange={set('termijnKind')}
        error={errors.termijnKind}
      />
      <TextAreaField
        label={t('servicePromise')}
        description={t('servicePromiseHelp')}
        rows={3}
        maxLength={500}
        value={values.servicePromise}
        onChange={set('servicePromise')}
        error={errors.servicePromise}
      />
      {!creating && (
        <RadioGroup
          legend={t('activeLegend')}
          description={t('activeHelp')}
          options={[
            { value: 'true', label: t('active') },
            { value: 'false', label: t('inactive') },
          ]}
          value={values.active}
          onChange={set('active')}
          error={errors.active}
        />
      )}
      {creating && <Paragraph>{t('extraQuestionsNoteNew')}</Paragraph>}
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? (creating ? t('creating') : common('saving')) : creating ? t('create') : common('save')}
        </Button>
      </div>
    </form>
  );
}
