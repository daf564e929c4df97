import type { AnalysisFigures as Figures } from '@contracts/analyses';
import { useMessages } from '../../app/i18n';
import { DataList, Heading, Paragraph } from '../../ui';
import { analysisMessages } from './analysis-messages';
import { FIELD_KEYS, formatAnalysisDate } from './analysis-queries';

const TENOR_KEYS = ['kritiek', 'steun', 'neutraal', 'gemengd'] as const;

// The snapshot beside the editor: what the analyst writes about, in the order of the checklist.
export function AnalysisFigures({ figures }: { figures: Figures }) {
  const t = useMessages(analysisMessages);
  const people = (list: Figures['critics']) =>
    list.length === 0 ? (
      <Paragraph>{t('nobody')}</Paragraph>
    ) : (
      <ul className="utrecht-unordered-list">
        {list.map((person) => (
          <li key={person.handle}>
            @{person.handle} ({t(FIELD_KEYS[person.field])}, {person.critical}/{person.supportive})
          </li>
        ))}
      </ul>
    );
  return (
    <section className="plein-analysis__figures" aria-labelledby="analyse-cijfers">
      <Heading level={2} id="analyse-cijfers">
        {t('figuresHeading')}
      </Heading>
      <Paragraph>{t('figuresLead', { date: formatAnalysisDate(figures.generatedAt) })}</Paragraph>
      <DataList
        items={[
          { key: t('volume'), value: figures.total },
          { key: t('previous'), value: figures.previous.total },
          ...TENOR_KEYS.map((key) => ({ key: t(key), value: figures.tenor[key] })),
        ]}
      />
      <table className="utrecht-table utrecht-table--html-table plein-table">
        <caption className="utrecht-table__caption">{t('fieldsCaption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t('field')}
            </th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
              {t('volume')}
            </th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
              {t('kritiek')}
            </th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
              {t('steun')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {figures.fields.map((field) => (
            <tr key={field.field} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {t(FIELD_KEYS[field.field])}
              </th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-column">{field.total}</td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-column">{field.tenor.kritiek}</td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-column">{field.tenor.steun}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading level={3}>{t('critics')}</Heading>
      {people(figures.critics)}
      <Heading level={3}>{t('supporters')}</Heading>
      {people(figures.supporters)}
      <Heading level={3}>{t('argumentsHeading')}</Heading>
      <ul className="utrecht-unordered-list">
        {figures.arguments.map((argument) => (
          <li key={`${argument.kind}-${argument.term}`}>
            <strong>{argument.kind === 'hashtag' ? `#${argument.term}` : argument.term}</strong> — {t('argumentItems', { count: argument.items })}
            <ul className="utrecht-unordered-list">
              {argument.quotes.map((quote) => (
                <li key={quote.messageId}>
                  <q>{quote.text}</q> — @{quote.author} ({t(FIELD_KEYS[quote.field])})
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
