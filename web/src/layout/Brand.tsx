import { Link } from 'react-router';

// The Plein word mark; the organisation's name follows it when someone is signed in.
export function Brand({ organisationName, to = '/' }: { organisationName?: string; to?: string }) {
  return (
    <Link to={to} className="plein-brand">
      <span className="plein-brand__mark" aria-hidden="true">
        P
      </span>
      <span className="plein-brand__text">
        <span className="plein-brand__name">Plein</span>
        {organisationName && <span className="plein-brand__organisation">{organisationName}</span>}
      </span>
    </Link>
  );
}
