import type { ReplyDraft } from '@contracts/reply-review';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { useMessages } from '../../../app/i18n';
import { CheckboxField, SelectField } from '../../../ui';
import { inboxQueryKey } from '../conversation-queries';
import { reviewMessages } from './review-messages';

export interface ReviewRequest {
  wanted: boolean;
  // '' : any colleague who handles the inbox.
  reviewerUserId: string;
}

// "Laten controleren" in the composer: the reply then waits for a colleague instead of going out.
export function ReviewChoice({
  conversationId,
  value,
  onChange,
  disabled,
}: {
  conversationId: string;
  value: ReviewRequest;
  onChange: (value: ReviewRequest) => void;
  disabled: boolean;
}) {
  const t = useMessages(reviewMessages);
  const reviewers = useQuery({
    queryKey: [...inboxQueryKey, conversationId, 'controleurs'],
    queryFn: () => api.get<ReplyDraft['author'][]>(`/api/v1/conversations/${conversationId}/reviewers`),
    enabled: value.wanted,
    staleTime: 300_000,
  });
  return (
    <fieldset className="plein-fieldset plein-composer__review" disabled={disabled}>
      <CheckboxField label={t('askReview')} checked={value.wanted} onChange={(wanted) => onChange({ ...value, wanted })} />
      {value.wanted && (
        <SelectField
          label={t('reviewer')}
          value={value.reviewerUserId}
          onChange={(reviewerUserId) => onChange({ ...value, reviewerUserId })}
          options={[{ value: '', label: t('anyone') }, ...(reviewers.data ?? []).map((person) => ({ value: person.id, label: person.name }))]}
        />
      )}
    </fieldset>
  );
}
