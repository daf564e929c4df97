// A municipality's house colour becomes the accent; text on it is white or black, whichever passes WCAG AA.
export const DEFAULT_ACCENT = '#01689b';

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function parseHex(hex: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return null;
  return [Number.parseInt(match[1] ?? '0', 16), Number.parseInt(match[2] ?? '0', 16), Number.parseInt(match[3] ?? '0', 16)];
}

export function computeRelativeLuminance(hex: string): number {
  const rgb = parseHex(hex) ?? [0, 0, 0];
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

export function computeContrastRatio(a: string, b: string): number {
  const [light, dark] = [computeRelativeLuminance(a), computeRelativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export function pickReadableTextOn(background: string): '#ffffff' | '#000000' {
  return computeContrastRatio(background, '#ffffff') >= computeContrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}

function mix(hex: string, towards: [number, number, number], amount: number): string {
  const rgb = parseHex(hex) ?? [0, 0, 0];
  return `#${rgb
    .map((c, i) =>
      Math.round(c + ((towards[i] ?? 0) - c) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

export interface AccentColours {
  accent: string;
  text: string;
  hover: string;
  // Links and outlines on a white page need 4.5:1 themselves; a pale house colour is darkened until it has that.
  onWhite: string;
}

export function deriveAccentColours(houseColour: string | null | undefined): AccentColours {
  const accent = houseColour && parseHex(houseColour) ? houseColour.toLowerCase() : DEFAULT_ACCENT;
  const text = pickReadableTextOn(accent);
  const hover = text === '#ffffff' ? mix(accent, [0, 0, 0], 0.2) : mix(accent, [255, 255, 255], 0.25);
  let onWhite = accent;
  for (let step = 1; computeContrastRatio(onWhite, '#ffffff') < 4.5 && step <= 10; step += 1) onWhite = mix(accent, [0, 0, 0], step / 10);
  return { accent, text, hover, onWhite };
}

export function applyAccent(houseColour: string | null | undefined): void {
  const colours = deriveAccentColours(houseColour);
  const style = document.documentElement.style;
  style.setProperty('--plein-accent', colours.accent);
  style.setProperty('--plein-accent-text', colours.text);
  style.setProperty('--plein-accent-hover', colours.hover);
  style.setProperty('--plein-accent-on-white', colours.onWhite);
}
