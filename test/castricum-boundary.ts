// A rough box around Castricum (GM0383) for tests that need a stored municipality boundary: 52.548, 4.669 is inside,
// Amsterdam (52.37, 4.89) outside.
export const CASTRICUM_BOUNDARY = {
  type: 'Polygon',
  coordinates: [
    [
      [4.6, 52.52],
      [4.75, 52.52],
      [4.75, 52.59],
      [4.6, 52.59],
      [4.6, 52.52],
    ],
  ],
};
