import type { ExtraQuestion } from '@contracts/meldingen';
import type { Db } from '@platform/db/database.client';
import type { MeldingCategoryRow } from '@platform/db/database.schema';
import { ensureCategories, filterSelectableCategories } from '../meldingen/index';
import { open311Error } from './open311.errors';
import type { Open311Target } from './open311-target.types';

const CHANGESET = '2026-11-23T00:00:00Z';

export function describeDiscovery(publicUrl: string) {
  const contact =
    'Vragen over meldingen: neem contact op met uw gemeente. Een api_key voor uw app vraagt u aan bij de gemeente (de beheerder van Plein maakt hem aan).';
  return {
    changeset: CHANGESET,
    contact,
    key_service: contact,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${publicUrl}/open311/v2`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}

export const getExtraQuestions = (row: MeldingCategoryRow) => (row.extra_questions ?? []) as ExtraQuestion[];

function toService(row: MeldingCategoryRow, all: MeldingCategoryRow[]) {
  const parent = row.parent_id ? all.find((other) => other.id === row.parent_id) : undefined;
  return {
    service_code: row.code,
    service_name: row.public_name,
    description: row.service_promise || null,
    metadata: getExtraQuestions(row).length > 0,
    type: 'realtime' as const,
    keywords: null,
    group: parent?.public_name ?? null,
  };
}

// What residents choose from in Plein's own form: subcategories, and main categories without any.
export async function listServices(db: Db, target: Open311Target) {
  const all = await ensureCategories(db, target.organisation.id);
  return filterSelectableCategories(all).map((row) => toService(row, all));
}

export const YES = ['ja', 'true', '1', 'yes'];
export const NO = ['nee', 'false', '0', 'no'];

function toAttribute(question: ExtraQuestion, index: number) {
  const values =
    question.type === 'choice'
      ? (question.choices ?? []).map((choice) => ({ key: choice, name: choice }))
      : question.type === 'yesno'
        ? [
            { key: 'ja', name: 'Ja' },
            { key: 'nee', name: 'Nee' },
          ]
        : undefined;
  return {
    variable: true,
    code: question.key,
    datatype: question.type === 'text' ? ('string' as const) : ('singlevaluelist' as const),
    required: question.required,
    datatype_description: question.type === 'text' ? 'Vrije tekst, hoogstens 1000 tekens.' : 'Kies een van de waarden (key).',
    order: index + 1,
    description: question.label,
    ...(values && { values }),
  };
}

export async function describeService(db: Db, target: Open311Target, serviceCode: string) {
  const category = filterSelectableCategories(await ensureCategories(db, target.organisation.id)).find((row) => row.code === serviceCode);
  if (!category) throw open311Error(404, `service_code "${serviceCode}" bestaat niet bij gemeente ${target.municipality.name}. Zie services.json.`);
  return { service_code: category.code, attributes: getExtraQuestions(category).map(toAttribute) };
}

// ---- requests: reading ----
