import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, AppLink, Button, ConfirmButton, EmptyState, FormProblem, Heading, PageHeader, Paragraph, QueryState, TextAreaField, TextField } from '../../ui';
import { listsMessages } from './lists-messages';
import { type AuthorList, listsKey, useAuthorLists } from './luisteren-queries';

export function ListsPage() {
  const t = useMessages(listsMessages);
  const { can } = useAuth();
  const lists = useAuthorLists();
  const [notice, setNotice] = useState('');
  const canManage = can('listening.manage');
  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <div aria-live="polite">
        {notice && (
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      <QueryState query={lists} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(data) =>
          data.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{canManage ? t('emptyText') : t('emptyNoRights')}</Paragraph>
            </EmptyState>
          ) : (
            <ul className="plein-luisteren-lists">
              {data.map((list) => (
                <ListCard key={list.id} list={list} canManage={canManage} onNotice={setNotice} />
              ))}
            </ul>
          )
        }
      </QueryState>
      {canManage && (
        <section className="plein-section" aria-labelledby="nieuwe-lijst">
          <Heading level={2} id="nieuwe-lijst">
            {t('newHeading')}
          </Heading>
          <ListForm onSaved={(name) => setNotice(t('created', { name }))} />
        </section>
      )}
    </>
  );
}

function ListCard({ list, canManage, onNotice }: { list: AuthorList; canManage: boolean; onNotice: (text: string) => void }) {
  const t = useMessages(listsMessages);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = async () => {
    await api.delete(`/api/v1/auteurslijsten/${list.id}`);
    onNotice(t('deleted', { name: list.name }));
    await queryClient.invalidateQueries({ queryKey: listsKey });
  };
  return (
    <li className="plein-luisteren-list">
      <Heading level={2}>{list.name}</Heading>
      {list.description && <Paragraph>{list.description}</Paragraph>}
      <details className="plein-details">
        <summary>
          {list.members.length === 1 ? t('memberCountOne') : t('memberCount', { count: list.members.length })}
          <span className="plein-visually-hidden">: {t('showMembers', { name: list.name })}</span>
        </summary>
        {list.members.length === 0 ? (
          <Paragraph>{t('noMembers')}</Paragraph>
        ) : (
          <ul className="utrecht-unordered-list">
            {list.members.map((member) => (
              <li key={member}>@{member}</li>
            ))}
          </ul>
        )}
      </details>
      <Paragraph>
        <AppLink to={`/luisteren?lijst=${list.id}`}>{t('showItems')}</AppLink>
      </Paragraph>
      {canManage &&
        (editing ? (
          <section aria-label={t('editHeading', { name: list.name })}>
            <ListForm
              list={list}
              onSaved={(name) => {
                setEditing(false);
                onNotice(t('saved', { name }));
              }}
              onCancel={() => setEditing(false)}
            />
          </section>
        ) : (
          <div className="plein-form__actions">
            <Button onClick={() => setEditing(true)} aria-label={t('editHeading', { name: list.name })}>
              {t('edit')}
            </Button>
            <ConfirmButton
              label={t('delete')}
              question={t('deleteQuestion', { name: list.name })}
              confirmLabel={t('deleteConfirm')}
              cancelLabel={t('cancel')}
              onConfirm={remove}
            />
          </div>
        ))}
    </li>
  );
}

function ListForm({ list, onSaved, onCancel }: { list?: AuthorList; onSaved: (name: string) => void; onCancel?: () => void }) {
  const t = useMessages(listsMessages);
  const queryClient = useQueryClient();
  const [name, setName] = useState(list?.name ?? '');
  const [description, setDescription] = useState(list?.description ?? '');
  const [members, setMembers] = useState((list?.members ?? []).map((member) => `@${member}`).join('\n'));
  const form = useFormSubmit({
    fields: ['name', 'description', 'members'],
    validate: (): Record<string, string> => (name.trim() ? {} : { name: t('required') }),
    send: async () => {
      const body = {
        name: name.trim(),
        description: description.trim(),
        members: members
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      };
      const saved = list ? await api.patch<AuthorList>(`/api/v1/auteurslijsten/${list.id}`, body) : await api.post<AuthorList>('/api/v1/auteurslijsten', body);
      await queryClient.invalidateQueries({ queryKey: listsKey });
      if (!list) {
        setName('');
        setDescription('');
        setMembers('');
      }
      onSaved(saved.name);
    },
  });
  return (
    <form className="utrecht-form plein-form" onSubmit={(event) => void form.submit(event)} noValidate>
      <FormProblem title={t('saveFailed')} problem={form.problem} />
      <TextField label={t('name')} description={t('nameHelp')} value={name} onChange={setName} error={form.errors.name} maxLength={80} />
      <TextField label={t('description')} value={description} onChange={setDescription} error={form.errors.description} maxLength={300} />
      <TextAreaField label={t('members')} description={t('membersHelp')} rows={5} value={members} onChange={setMembers} error={form.errors.members} />
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={form.busy}>
          {list ? t('save') : t('create')}
        </Button>
        {onCancel && (
          <Button appearance="subtle" onClick={onCancel}>
            {t('cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
