/**
 * Okabe–Ito colours, which stay distinct for the common colour-vision deficiencies, in an order where each
 * has at least 3:1 contrast against white (WCAG 1.4.11 for graphics). The paler members of the set
 * (sky blue, orange, yellow) are left out for that reason.
 */
export const CHART_PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'] as const;

export const chartColour = (index: number): string => CHART_PALETTE[index % CHART_PALETTE.length];

/** Spikes are marked by shape first (a diamond); vermilion is their colour (over 3:1 on white, as WCAG 1.4.11 asks of graphics). */
export const SPIKE_COLOUR = '#D55E00';
