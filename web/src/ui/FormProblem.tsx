import { Alert } from './Alert';
import { Paragraph } from './Heading';

// The message above a form when the server refused it for a reason no single field explains.
export function FormProblem({ title, problem }: { title: string; problem: string | null | undefined }) {
  if (!problem) return null;
  return (
    <Alert type="error" title={title}>
      <Paragraph>{problem}</Paragraph>
    </Alert>
  );
}
