// Simple line icons drawn for Plein; decorative only, the label always carries the meaning.
const PATHS: Record<string, string> = {
  luisteren: 'M4 12a8 8 0 0 1 16 0M7 12a5 5 0 0 1 10 0M10 12a2 2 0 0 1 4 0M12 14v6',
  inbox: 'M3 13l3-8h12l3 8v6H3zM3 13h5l1 3h6l1-3h5',
  meldingen: 'M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  klachten: 'M4 5h16v11H9l-5 4zM12 8v4M12 14.5v.5',
  zenden: 'M3 11l18-8-8 18-2-8zM11 13l10-10',
  participatie: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3.3 2.7-6 6-6s6 2.7 6 6M12 20c0-3.3 1.8-6 4-6s6 2.7 6 6',
  inzicht: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  crisis: 'M12 3l10 18H2zM12 10v5M12 17.5v.5',
  beheer: 'M4 6h16M4 12h16M4 18h16M9 4v4M15 10v4M7 16v4',
  menu: 'M4 6h16M4 12h16M4 18h16',
  sluiten: 'M6 6l12 12M18 6L6 18',
};

export function NavIcon({ name }: { name: string }) {
  return (
    <svg className="plein-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name] ?? ''} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
