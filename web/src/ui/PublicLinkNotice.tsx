import { ProblemError } from '../app/api-client';
import { Alert } from './Alert';
import { Paragraph } from './Heading';
import { PageHeader } from './PageHeader';

// A resident or partner opened a secret link (satisfaction, KTO, hand-off) and there is only something to say.
export function PublicLinkNotice({ title, text }: { title: string; text: string }) {
  return (
    <div className="plein-narrow">
      <PageHeader title={title} />
      <Paragraph>{text}</Paragraph>
    </div>
  );
}

export interface PublicLinkTexts {
  expiredTitle: string;
  expiredText: string;
  notFoundTitle: string;
  notFoundText: string;
  loadFailed: string;
}

// Why a secret link did not open, in words for the person who followed it: expired (410), unknown (404, or a
// token that is not one: 400), or something else went wrong.
export function PublicLinkError({ error, texts }: { error: Error; texts: PublicLinkTexts }) {
  const status = error instanceof ProblemError ? error.status : 0;
  if (status === 410) return <PublicLinkNotice title={texts.expiredTitle} text={texts.expiredText} />;
  if (status === 404 || status === 400) return <PublicLinkNotice title={texts.notFoundTitle} text={texts.notFoundText} />;
  return (
    <div className="plein-narrow">
      <PageHeader title={texts.loadFailed} />
      <Alert type="error">{error.message}</Alert>
    </div>
  );
}
