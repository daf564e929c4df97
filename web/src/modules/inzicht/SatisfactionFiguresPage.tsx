import type { satisfactionFiguresSchema } from '@contracts/conversation-satisfaction';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { api } from '../../app/api-client';
import { useMe } from '../../app/auth-context';
import { formatDate, formatIsoDateAsDutch, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, Button, DataTable, Heading, PageHeader, Paragraph, QueryState, SelectField, TextField } from '../../ui';
// The same SVG bar chart as the klachten jaarverslag, so every chart in Plein reads the same way.
import { BarChart } from '../klachten/BarChart';
import { satisfactionFiguresMessages } from './inzicht-messages';
import './inzicht.css';

type Figures = z.infer<typeof satisfactionFiguresSchema>;
type Group = Figures['total'] & { name: string };

// Inzicht → Klanttevredenheid webcare: the 1–5 answers per agent, team and account over a period.
export function SatisfactionFiguresPage() {
  const t = useMessages(satisfactionFiguresMessages);
  const me = useMe();
  // Empty dates: the server's default period, 1 January of this year up to today (its clock, not the browser's).
  const [draft, setDraft] = useState({ municipality: '', from: '', to: '' });
  const [chosen, setChosen] = useState(draft);
  const query = new URLSearchParams({
    ...(chosen.municipality && { municipality: chosen.municipality }),
    ...(chosen.from && { from: chosen.from }),
    ...(chosen.to && { to: chosen.to }),
  }).toString();
  const figures = useQuery({
    queryKey: ['inzicht', 'tevredenheid', query],
    queryFn: () => api.get<Figures>(`/api/v1/insights/conversation-satisfaction?${query}`),
  });
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChosen(draft);
  };
  return (
    <>
      <Paragraph>
        <AppLink to="/inzicht">{t('back')}</AppLink>
      </Paragraph>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <form className="plein-filters" onSubmit={apply} noValidate aria-label={t('filters')}>
        <div className="plein-filters__fields">
          {me.municipalities.length > 1 && (
            <SelectField
              label={t('municipality')}
              value={draft.municipality}
              onChange={(municipality) => setDraft((current) => ({ ...current, municipality }))}
              options={[{ value: '', label: t('allMunicipalities') }, ...me.municipalities.map((m) => ({ value: m.cbsCode, label: m.name }))]}
            />
          )}
          <TextField
            label={t('from')}
            description={t('fromHelp')}
            type="date"
            value={draft.from}
            onChange={(from) => setDraft((current) => ({ ...current, from }))}
          />
          <TextField label={t('to')} description={t('toHelp')} type="date" value={draft.to} onChange={(to) => setDraft((current) => ({ ...current, to }))} />
        </div>
        <div className="plein-form__actions">
          <Button type="submit" appearance="primary">
            {t('show')}
          </Button>
        </div>
      </form>
      <QueryState query={figures} loadingLabel={t('loading')} errorTitle={t('failed')}>
        {(data) => <FiguresView figures={data} />}
      </QueryState>
    </>
  );
}

function FiguresView({ figures }: { figures: Figures }) {
  const t = useMessages(satisfactionFiguresMessages);
  const average = (value: number | null) => (value === null ? t('none') : formatNumber(value));
  const pct = (value: number | null) => (value === null ? t('none') : `${formatNumber(value)}%`);
  const total = figures.total;
  const distribution = total.distribution.map((count, index) => ({ label: t('scoreLabel', { score: index + 1 }), value: count }));
  return (
    <section aria-labelledby="tevredenheid-periode">
      <Heading level={2} id="tevredenheid-periode">
        {t('period', { from: formatIsoDateAsDutch(figures.from), to: formatIsoDateAsDutch(figures.to) })}
      </Heading>
      <Heading level={3}>{t('totals')}</Heading>
      <DataTable
        caption={t('totals')}
        captionHidden
        rows={[
          { label: t('sent'), value: formatNumber(total.sent) },
          { label: t('responses'), value: formatNumber(total.responses) },
          { label: t('responseRate'), value: total.sent === 0 ? t('none') : `${formatNumber(Math.round((total.responses / total.sent) * 1000) / 10)}%` },
          { label: t('average'), value: average(total.average) },
          { label: t('satisfied'), value: pct(total.satisfiedPct) },
        ]}
        rowKey={(row) => row.label}
        columns={[
          { header: t('name'), cell: (row) => row.label },
          { header: t('count'), cell: (row) => row.value, numeric: true },
        ]}
      />
      {total.responses === 0 && <Paragraph className="plein-muted">{t('noAnswers')}</Paragraph>}
      <ChartWithTable title={t('distribution')} bars={distribution} rows={distribution.map((row) => ({ label: row.label, value: formatNumber(row.value) }))} />
      <GroupFigures title={t('byAgent')} groups={figures.agents} />
      <GroupFigures title={t('byTeam')} groups={figures.teams} />
      <GroupFigures title={t('byAccount')} groups={figures.accounts.map((account) => ({ ...account, name: `${account.handle} (${account.municipality})` }))} />
      <Heading level={3}>{t('comments')}</Heading>
      {figures.comments.length === 0 ? (
        <Paragraph className="plein-muted">{t('noComments')}</Paragraph>
      ) : (
        <DataTable
          caption={t('comments')}
          captionHidden
          rows={figures.comments}
          rowKey={(row) => `${row.answeredAt}-${row.account}-${row.comment.slice(0, 20)}`}
          columns={[
            { header: t('date'), cell: (row) => formatDate(row.answeredAt) },
            { header: t('score'), cell: (row) => row.score, numeric: true },
            { header: t('comment'), cell: (row) => <span className="plein-break">{row.comment}</span> },
            { header: t('agent'), cell: (row) => row.agent },
            { header: t('account'), cell: (row) => row.account },
          ]}
        />
      )}
      <Paragraph className="plein-muted">{t('note')}</Paragraph>
    </section>
  );
}

// The chart of averages with every number beside it in a table, so the chart is never the only way in.
function GroupFigures({ title, groups }: { title: string; groups: Group[] }) {
  const t = useMessages(satisfactionFiguresMessages);
  if (groups.length === 0) return null;
  return (
    <>
      <Heading level={3}>{title}</Heading>
      <BarChart title={t('averageChart', { group: title.toLowerCase() })} bars={groups.map((group) => ({ label: group.name, value: group.average ?? 0 }))} />
      <DataTable
        caption={title}
        captionHidden
        rows={groups}
        rowKey={(row) => row.name}
        columns={[
          { header: t('name'), cell: (row) => row.name },
          { header: t('sent'), cell: (row) => formatNumber(row.sent), numeric: true },
          { header: t('responses'), cell: (row) => formatNumber(row.responses), numeric: true },
          { header: t('average'), cell: (row) => (row.average === null ? t('none') : formatNumber(row.average)), numeric: true },
          { header: t('satisfied'), cell: (row) => (row.satisfiedPct === null ? t('none') : `${formatNumber(row.satisfiedPct)}%`), numeric: true },
          ...[1, 2, 3, 4, 5].map((score) => ({
            header: t('scoreLabel', { score }),
            cell: (row: Group) => formatNumber(row.distribution[score - 1] ?? 0),
            numeric: true,
          })),
        ]}
      />
    </>
  );
}

function ChartWithTable({
  title,
  bars,
  rows,
}: {
  title: string;
  bars: Array<{ label: string; value: number }>;
  rows: Array<{ label: string; value: string }>;
}) {
  const t = useMessages(satisfactionFiguresMessages);
  return (
    <>
      <Heading level={3}>{title}</Heading>
      <div className="plein-chart-with-table">
        <BarChart title={title} bars={bars} />
        <DataTable
          caption={title}
          captionHidden
          rows={rows}
          rowKey={(row) => row.label}
          columns={[
            { header: t('score'), cell: (row) => row.label },
            { header: t('count'), cell: (row) => row.value, numeric: true },
          ]}
        />
      </div>
    </>
  );
}
