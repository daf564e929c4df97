// The page every PDF of Plein is laid out on (A4 in points, the klachten report and the analyses alike), and its
// colours: the Rijkshuisstijl-like accent of the app, ink and muted grey.
export const MARGIN = 56;
export const WIDTH = 595.28 - 2 * MARGIN;
export const BOTTOM = 841.89 - MARGIN;
export const ACCENT = '#01689b';
export const INK = '#1a1a1a';
export const MUTED = '#5c5c5c';
