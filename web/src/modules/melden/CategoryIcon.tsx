// Simple line glyphs per main category (the taxonomy's icon code); decorative, the name says it all.
const PATHS: Record<string, string> = {
  afval: 'M5 7h14M9 7V4h6v3M7 7l1 13h8l1-13M10 11v6M14 11v6',
  groen: 'M12 21v-7M12 14c-4 0-7-3-7-7 4 0 7 3 7 7zm0 0c4 0 7-3 7-7-4 0-7 3-7 7z',
  weg: 'M7 21 10 3M17 21 14 3M12 6v2M12 11v2M12 16v2',
  lamp: 'M12 21V9M8 5h8l-2 4h-4zM9 21h6',
  overlast: 'M4 10v4h3l5 4V6L7 10zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11',
  dier: 'M7 14c0-3 2-5 5-5s5 2 5 5-2 5-5 5-5-2-5-5zM6 8a1.5 1.5 0 1 0 0 .1M10 5a1.5 1.5 0 1 0 0 .1M14 5a1.5 1.5 0 1 0 0 .1M18 8a1.5 1.5 0 1 0 0 .1',
  overig: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17v.5',
};

export function CategoryIcon({ icon }: { icon: string | null }) {
  const path = PATHS[icon ?? ''] ?? PATHS.overig;
  return (
    <svg className="plein-melden-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
